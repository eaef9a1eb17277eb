package party.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of this JVM's threads, summed by the part of the stack they belong to. The whole stack
 * runs in the bench JVM, so the process's CPU alone cannot say what the gateway or one service
 * costs; thread names can (the gateway's Netty event loops, a service's Tomcat workers carry its
 * port, the database's workers). Whatever no thread accounts for is the JVM's own work (garbage
 * collection, the JIT compiler).
 */
final class ThreadCpu {

    static final String JVM = "JVM (garbage collection, JIT compiler)";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<String, String> part;
    private final long processBefore;
    private final Map<Long, Long> before = new LinkedHashMap<>();

    /** Starts counting now; {@code part} names the part of the stack of a thread, by the thread's name. */
    ThreadCpu(Function<String, String> part) {
        this.part = part;
        this.processBefore = processCpuNanos();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                before.put(info.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())));
            }
        }
    }

    /**
     * CPU nanoseconds by part since this was created, for threads alive now (a thread that ended
     * in between counts as the JVM's; {@code ended} adds what such threads measured themselves).
     */
    Map<String, Long> since(Map<String, Long> ended) {
        Map<String, Long> parts = new LinkedHashMap<>(ended);
        long threads = ended.values().stream().mapToLong(Long::longValue).sum();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()))
                    - before.getOrDefault(info.getThreadId(), 0L);
            parts.merge(part.apply(info.getThreadName()), cpu, Long::sum);
            threads += cpu;
        }
        parts.merge(JVM, Math.max(0, processCpuNanos() - processBefore - threads), Long::sum);
        return parts;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
