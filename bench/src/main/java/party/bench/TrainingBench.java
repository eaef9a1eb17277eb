package party.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import com.sun.nio.file.ExtendedOpenOption;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import party.standalone.Standalone;
import party.standalone.StandaloneOptions;
import party.standalone.demo.NationalIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality bars of training-service (issue 5): members registered in batches, one small video
 * that every member starts, then heartbeats through the gateway with member tokens at a fixed
 * concurrency, warmed up until the rate stops rising and then for a fixed time, as fast as the
 * stack takes them (throughput, p50/p99, CPU per heartbeat by part of the stack; bar 2,000/s),
 * then the bar's scenario paced (every member one heartbeat per 15 s) with a member's progress
 * meanwhile (p50/p99; bar p99 &lt; 20 ms), and a large video uploaded from disk and read back with
 * 8 MB Range requests and whole GETs (MB/s and CPU per MB by part, against the disk's and the
 * storage's own speed; heap of this JVM before, during and after). Run:
 * {@code java -jar bench/target/bench.jar --scenario=training [--members=10000] [--concurrency=32]
 * [--heartbeat-seconds=30] [--progress-calls=500] [--video-mb=500]}.
 */
final class TrainingBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 500;
    private static final long RANGE = 8L * 1024 * 1024;
    /** Bytes the bench reads from a streamed body at a time. */
    private static final int STREAM_BUFFER = 256 * 1024;
    /** Passes of Range reads over the large video, at most; the fastest is reported. */
    private static final int PASSES = 8;
    /** The small video every member watches: long enough that no heartbeat position is beyond it. */
    private static final long WATCH_DURATION_SECONDS = 3_600;
    private static final String AREA = "230105";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final String GATEWAY = "gateway (Netty event loops)";
    static final String TRAINING = "training-service (its Tomcat workers)";
    static final String DATABASE = "database (embedded MongoDB workers)";
    static final String LOAD_GENERATOR = "load generator (the bench's own threads)";
    static final String OTHERS = "other threads (broker, consumers, other services, schedulers)";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record TrainingReport(int members, Duration registration, Duration rosterCatchUp, int concurrency,
                          WarmUp warmUp, Duration heartbeatWindow, long heartbeats, double heartbeatsPerSecond,
                          List<Long> slices,
                          RegistryBench.Latency heartbeat, long heartbeatFailures, double cpuMsPerHeartbeat,
                          double stackCpuMsPerHeartbeat, Map<String, Double> cpuMsByPart,
                          RegistryBench.Latency progressUnderLoad, double scenarioRate, double pacedPerSecond,
                          RegistryBench.Latency pacedHeartbeat, long pacedFailures, RegistryBench.Latency progressPaced,
                          RegistryBench.Latency progress,
                          int progressFailures, long videoBytes, double diskWriteMBps, double pageCacheReadMBps,
                          DiskRead diskRead, int chunkSize, double storageReadMBps, Duration upload,
                          int ranges, int rangePasses, long rangeSize, double rangeMBps, RegistryBench.Latency seeks,
                          double fullGetMBps, Cpu cpuMsPerMB, double serviceGetMBps, boolean bytesMatch,
                          long heapBeforeMB, long heapPeakMB, long heapAfterMB, long heapMaxMB, int streamFailures,
                          LocalCopy localCopy, double openRangeMBps, Path file) {

        TrainingReport writtenTo(Path written) {
            return new TrainingReport(members, registration, rosterCatchUp, concurrency, warmUp, heartbeatWindow,
                    heartbeats, heartbeatsPerSecond, slices, heartbeat, heartbeatFailures, cpuMsPerHeartbeat, stackCpuMsPerHeartbeat, cpuMsByPart,
                    progressUnderLoad, scenarioRate, pacedPerSecond, pacedHeartbeat, pacedFailures, progressPaced,
                    progress,
                    progressFailures, videoBytes, diskWriteMBps, pageCacheReadMBps, diskRead, chunkSize, storageReadMBps,
                    upload, ranges, rangePasses, rangeSize, rangeMBps, seeks,
                    fullGetMBps, cpuMsPerMB, serviceGetMBps, bytesMatch, heapBeforeMB,
                    heapPeakMB, heapAfterMB, heapMaxMB, streamFailures, localCopy, openRangeMBps, written);
        }

        private static double share(double part, double whole) {
            return whole > 0 ? 100 * part / whole : Double.NaN;
        }

        int failures() {
            return (int) (warmUp.failures() + heartbeatFailures + pacedFailures) + progressFailures + streamFailures
                    + localCopy.failures() + (bytesMatch ? 0 : 1);
        }

        String markdown() {
            return """
                    # Bench: training-service (issue 5)

                    | measure | value |
                    |---|---|
                    | machine | %d cores, JDK %s |
                    | members registered (`POST /api/v1/members/batch`, 500 per call) | %d in %d ms; training roster caught up %d ms later |
                    | warm-up: heartbeats until the rate stops rising (the JIT at work), heartbeats per second by slice | %d s: %s (%d failed) |
                    | heartbeats (`POST /api/v1/trainings/videos/{id}/heartbeats`, member tokens, %d in flight for %d s) | %d sent |
                    | heartbeat throughput | %.0f /s (bar ≥ 2,000/s); by slice of the window %s |
                    | heartbeat latency p50 / p99 | %s |
                    | failed heartbeats | %d |
                    | CPU of this JVM (stack and load generator) per heartbeat | %.2f ms |
                    | CPU of the stack alone per heartbeat (this JVM less the load generator's threads) | %.2f ms: %d cores would take %.0f /s |
                    | a member's progress (`GET /api/v1/trainings/me/progress`) while heartbeats saturate the CPU, one caller, p50 / p99 | %s |
                    | the bar's scenario: every member one heartbeat per 15 s, paced | %.0f /s asked, %.0f /s sent, p50 / p99 %s, %d failed |
                    | a member's progress meanwhile, one caller, p50 / p99 | %s (bar p99 < 20 ms) |
                    | a member's progress after the heartbeats, one caller, p50 / p99 | %s |
                    | failed progress calls | %d |
                    | large video | %d MB, generated and written at %.0f MB/s (to the page cache, then flushed) |
                    | **the disk**: the file read sequentially bypassing the page cache (%s) | %s |
                    | the page cache: the same file read back through it (memory, not the disk) | %.0f MB/s |
                    | **the storage**: the video's GridFS chunks (%d KiB) read in order straight from the stack's MongoDB, one find by `{files_id, n}` each, no HTTP (faster of 2 passes) | %.0f MB/s |
                    | upload (multipart, streamed from the file) | %d ms |
                    | sequential Range reads of %.2f MB through the gateway (fastest of %d passes over the file: until the rate stopped rising, the JIT at work) | %d ranges, %.0f MB/s (%.0f%% of the disk, %.0f%% of the storage) |
                    | seeks: Range reads of 1 MB at random offsets, p50 / p99 | %s |
                    | open-ended Range reads through the gateway, as players send them after a seek (`bytes=<a third in>-`, faster of 2) | %.0f MB/s (%.0f%% of the disk) |
                    | a whole GET through the gateway (faster of 2) | %.0f MB/s (%.0f%% of the disk, %.0f%% of the storage) |
                    | a whole GET straight from training-service (no gateway, faster of 2) | %.0f MB/s |
                    | content responses above sent from training-service's local copy of the video (sendfile) / read from GridFS (while the copy was made, from the first stream on) | %.0f / %.0f |
                    | **cold**: the local copy read by the bench after dropping it from the page cache (1 MiB reads through the page cache, as sendfile reads; faster of 2) | %s |
                    | **cold**: a whole GET through the gateway after dropping the local copy from the page cache (faster of 2) | %s |
                    | CPU of this JVM per MB streamed: Range reads / whole GET through the gateway / whole GET without it | %.2f / %.2f / %.2f ms |
                    | bytes read back equal the file (first and last range, whole GET) | %s |
                    | heap of this JVM (stack + bench) before / peak during / after streaming (max heap) | %d MB / %d MB / %d MB (%d MB) |
                    | failed streaming calls | %d |

                    CPU per heartbeat by part of the stack (threads by name; the JVM's own work apart):

                    | part | CPU per heartbeat | heartbeats per second %d cores would take at that cost |
                    |---|---|---|
                    %s
                    CPU per MB streamed by part of the stack (the load generator here is the bench's `main`
                    thread reading every byte on one kept-alive connection, comparing the whole GETs and the
                    first and last range with the file):

                    | part | Range reads (the fastest pass) | whole GET through the gateway (the faster) |
                    |---|---|---|
                    %s
                    Member tokens are signed by the bench with the stack's own signing key (same issuer,
                    audience and key id as the authorization server's tokens, role MEMBER, `member_id`);
                    each worker owns its members, so a member's heartbeats go one at a time with rising
                    `seq` and a position that moves on by the wall time since their last one (a player at
                    1x). Heap is sampled every 20 ms while streaming; "before" and "after" follow a GC.
                    The gateway's per-principal rate limit is raised to %d/s.
                    Stack: standalone in the bench JVM, fresh data folder, free ports. The disk figure is
                    what the machine's block device delivers to one reader in 8 MB requests (on a virtual
                    machine the host may still cache); the storage figure is the most a stream can carry
                    while training-service makes its local copy of the video (until then streams read the
                    GridFS chunks); once it is made, streams are sent from it by the kernel (sendfile), and
                    the cold figures show what they carry when the copy must come from the disk. CPU per
                    MB counts the whole JVM (stack and the bench reading and comparing the bytes): on a
                    shared machine it varies less than MB/s.
                    """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.version(), members,
                    registration.toMillis(), rosterCatchUp.toMillis(), warmUp.took().toSeconds(), warmUp.slices(),
                    warmUp.failures(), concurrency, heartbeatWindow.toSeconds(), heartbeats, heartbeatsPerSecond, slices,
                    heartbeat.text(), heartbeatFailures, cpuMsPerHeartbeat,
                    stackCpuMsPerHeartbeat, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / stackCpuMsPerHeartbeat,
                    progressUnderLoad.text(), scenarioRate, pacedPerSecond, pacedHeartbeat.text(), pacedFailures,
                    progressPaced.text(), progress.text(), progressFailures, videoBytes / (1024 * 1024), diskWriteMBps,
                    diskRead.how(), diskRead.text(), pageCacheReadMBps, chunkSize / 1024, storageReadMBps, upload.toMillis(),
                    rangeSize / (1024.0 * 1024), rangePasses, ranges, rangeMBps, share(rangeMBps, diskRead.mbps()),
                    share(rangeMBps, storageReadMBps), seeks.text(), openRangeMBps, share(openRangeMBps, diskRead.mbps()),
                    fullGetMBps, share(fullGetMBps, diskRead.mbps()),
                    share(fullGetMBps, storageReadMBps), serviceGetMBps, localCopy.fromCopy(), localCopy.fromGridFs(),
                    localCopy.readText(), localCopy.getText(diskRead.mbps()), cpuMsPerMB.ranges(), cpuMsPerMB.gateway(),
                    cpuMsPerMB.service(), bytesMatch ? "yes" : "NO",
                    heapBeforeMB, heapPeakMB, heapAfterMB, heapMaxMB, streamFailures,
                    Runtime.getRuntime().availableProcessors(), partsTable(), streamingPartsTable(), Bench.RATE_LIMIT);
        }

        private String streamingPartsTable() {
            StringBuilder rows = new StringBuilder();
            cpuMsPerMB.rangeParts().forEach((part, ms) -> rows.append("| %s | %.2f ms | %.2f ms |%n".formatted(part, ms,
                    cpuMsPerMB.gatewayParts().getOrDefault(part, 0.0))));
            return rows.toString();
        }

        private String partsTable() {
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder rows = new StringBuilder();
            cpuMsByPart.forEach((part, ms) -> rows.append("| %s | %.3f ms | %s |%n".formatted(part, ms,
                    part.equals(LOAD_GENERATOR) || part.equals(ThreadCpu.JVM) || ms <= 0 ? "" : "%.0f /s".formatted(cores * 1000 / ms))));
            double service = cpuMsByPart.getOrDefault(TRAINING, 0.0) + cpuMsByPart.getOrDefault(DATABASE, 0.0);
            rows.append("| training-service with its database | %.3f ms | %.0f /s |%n".formatted(service, cores * 1000 / service));
            return rows.toString();
        }
    }

    static TrainingReport run(int members, int concurrency, Duration heartbeats, int progressCalls, int videoMegabytes,
                              Path reportDir) throws Exception {
        try (RunningStack stack = start("party-training-bench")) {
            return runOn(stack, members, concurrency, heartbeats, progressCalls, videoMegabytes, reportDir);
        }
    }

    /** Starts the standalone stack as the bench needs it: fresh data folder, free ports, limits lifted. */
    static RunningStack start(String prefix) throws IOException {
        Path data = BenchData.freshFolder(prefix);
        System.setProperty("GATEWAY_RATE_LIMIT_RPS", String.valueOf(Bench.RATE_LIMIT));
        System.setProperty("GATEWAY_RATE_LIMIT_BURST", String.valueOf(Bench.RATE_LIMIT));
        // A 500 MB upload is one long call; the gateway's default 10 s would cut it.
        System.setProperty("GATEWAY_RESPONSE_TIMEOUT", "600s");
        if (System.getProperty("TRAINING_VIDEO_MAX_UPLOAD") == null) {
            System.setProperty("TRAINING_VIDEO_MAX_UPLOAD", "4GB");
        }
        return Standalone.start(StandaloneOptions.defaults().withDataDir(data).withFreePorts());
    }

    static TrainingReport runOn(RunningStack stack, int members, int concurrency, Duration heartbeats, int progressCalls,
                                int videoMegabytes, Path reportDir) throws Exception {
        TrainingReport report = new TrainingBench().measure(stack, members, concurrency, heartbeats, progressCalls,
                videoMegabytes);
        Files.createDirectories(reportDir);
        Path file = reportDir.resolve("training-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.writeString(file, report.markdown());
        return report.writtenTo(file);
    }

    private TrainingReport measure(RunningStack stack, int memberCount, int concurrency, Duration window,
                                   int progressCalls, int videoMegabytes) throws Exception {
        String admin = stack.token("admin");
        String gateway = stack.gatewayUrl();
        String committee = stack.demo().require(DemoDirectory.COMMITTEE);
        List<String> branches = stack.demo().ids(List.of(DemoDirectory.BRANCH_1, DemoDirectory.BRANCH_2,
                DemoDirectory.BRANCH_3));

        // Members, in batches of 500 over the demo branches.
        long t0 = System.nanoTime();
        List<String> members = register(gateway, admin, branches, memberCount);
        Duration registration = Duration.ofNanos(System.nanoTime() - t0);
        t0 = System.nanoTime();
        awaitRoster(stack, members);
        Duration catchUp = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("%d members registered in %d ms, training roster %d ms later%n", members.size(),
                registration.toMillis(), catchUp.toMillis());

        MemberTokens signer = new MemberTokens(stack);
        List<String> tokens = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(members.size(), null)));
        RegistryBench.parallel(Math.max(1, Runtime.getRuntime().availableProcessors()), members.size(),
                i -> tokens.set(i, signer.member(members.get(i), TOKEN_LIFETIME)));

        // The small video every member watches.
        byte[] small = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(small);
        String videoId = uploadBytes(gateway, admin, committee, "压测微党课", WATCH_DURATION_SECONDS, small);

        // Every member starts a view.
        AtomicInteger startFailures = new AtomicInteger();
        RegistryBench.parallel(concurrency, members.size(), i -> {
            HttpResponse<String> r = send(post(gateway + "/api/v1/trainings/videos/" + videoId + "/views",
                    tokens.get(i), "{}"));
            if (r.statusCode() != 200) {
                if (startFailures.incrementAndGet() <= 3) {
                    System.out.println("view failed: " + r.statusCode() + " " + r.body());
                }
            }
        });
        if (startFailures.get() > 0) {
            throw new IllegalStateException(startFailures.get() + " members could not start the video");
        }

        // Heartbeats: each worker owns members w, w + c, w + 2c, ..., one heartbeat at a time each.
        Players players = new Players(members.size());
        String heartbeatPath = gateway + "/api/v1/trainings/videos/" + videoId + "/heartbeats";
        // The window's mix from the start: the progress caller's path is warmed up too (its calls uncounted).
        AtomicInteger progressFailures = new AtomicInteger();
        AtomicBoolean warming = new AtomicBoolean(true);
        Thread warmingCaller = progressCaller(warming, Collections.synchronizedList(new ArrayList<>()), gateway, members,
                tokens, progressFailures);
        WarmUp warmUp = warmUp(concurrency, window, members.size(), players, tokens, heartbeatPath);
        warming.set(false);
        warmingCaller.join();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sent = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        // One more caller asks for members' progress, one call after the other, while the heartbeats run.
        AtomicBoolean loaded = new AtomicBoolean(true);
        List<Long> progressUnderLoad = Collections.synchronizedList(new ArrayList<>());
        AtomicLong generatorCpu = new AtomicLong();
        Thread progressCaller = progressCaller(loaded, progressUnderLoad, gateway, members, tokens, progressFailures);
        int trainingPort = stack.servicePorts().get("training-service");
        ThreadCpu threads = new ThreadCpu(name -> part(name, trainingPort));
        long cpuBefore = ThreadCpu.processCpuNanos();
        long begin = System.nanoTime();
        List<Long> slices = Collections.synchronizedList(new ArrayList<>());
        Thread sliceCounter = Thread.ofPlatform().daemon().name("slice-counter").start(() -> countSlices(sent, slice(window), slices));
        runHeartbeats(concurrency, window, members.size(), players, tokens, heartbeatPath, latencies, sent, failures,
                generatorCpu, 0);
        sliceCounter.interrupt();
        sliceCounter.join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        long cpu = ThreadCpu.processCpuNanos() - cpuBefore;
        Map<String, Double> cpuMsByPart = new java.util.LinkedHashMap<>();
        for (String part : List.of(GATEWAY, TRAINING, DATABASE, OTHERS, ThreadCpu.JVM, LOAD_GENERATOR)) {
            cpuMsByPart.put(part, 0.0);
        }
        threads.since(Map.of(LOAD_GENERATOR, generatorCpu.get()))
                .forEach((part, nanos) -> cpuMsByPart.merge(part, nanos / 1e6 / Math.max(1, sent.get()), Double::sum));
        double cpuMsPerHeartbeat = cpu / 1e6 / Math.max(1, sent.get());
        double stackCpuMsPerHeartbeat = cpuMsPerHeartbeat - cpuMsByPart.get(LOAD_GENERATOR);
        loaded.set(false);
        progressCaller.join();
        double perSecond = sent.get() / seconds;
        System.out.printf("heartbeats: %d in %.1f s, %.0f/s, %d failed, %.2f ms CPU each; progress under load %s%n",
                sent.get(), seconds, perSecond, failures.get(), cpuMsPerHeartbeat,
                RegistryBench.Latency.of(progressUnderLoad).text());

        // The bar's scenario itself: every member one heartbeat per 15 s, paced; a member's progress meanwhile.
        double scenarioRate = members.size() / 15.0;
        List<Long> pacedLatencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong pacedSent = new AtomicLong();
        AtomicLong pacedFailures = new AtomicLong();
        List<Long> progressPaced = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean paced = new AtomicBoolean(true);
        Thread pacedCaller = progressCaller(paced, progressPaced, gateway, members, tokens, progressFailures);
        begin = System.nanoTime();
        runHeartbeats(concurrency, window, members.size(), players, tokens, heartbeatPath, pacedLatencies, pacedSent,
                pacedFailures, new AtomicLong(), scenarioRate);
        double pacedPerSecond = pacedSent.get() / ((System.nanoTime() - begin) / 1e9);
        paced.set(false);
        pacedCaller.join();
        System.out.printf("paced heartbeats: %.0f/s asked, %.0f/s sent, %d failed, latency %s; progress meanwhile %s%n",
                scenarioRate, pacedPerSecond, pacedFailures.get(), RegistryBench.Latency.of(pacedLatencies).text(),
                RegistryBench.Latency.of(progressPaced).text());

        // A member's progress, one call at a time, the heartbeats over.
        List<Long> progress = new ArrayList<>();
        for (int i = 0; i < progressCalls + 20; i++) {
            long took = progressCall(gateway, members, tokens, progressFailures);
            if (i >= 20) {
                progress.add(took);
            }
        }

        Streaming streaming = stream(stack, admin, committee, tokens.getFirst(), videoMegabytes);
        return new TrainingReport(members.size(), registration, catchUp, concurrency, warmUp, window, sent.get(), perSecond,
                List.copyOf(slices), RegistryBench.Latency.of(latencies), failures.get(), cpuMsPerHeartbeat, stackCpuMsPerHeartbeat, cpuMsByPart,
                RegistryBench.Latency.of(progressUnderLoad), scenarioRate, pacedPerSecond,
                RegistryBench.Latency.of(pacedLatencies), pacedFailures.get(), RegistryBench.Latency.of(progressPaced),
                RegistryBench.Latency.of(progress), progressFailures.get(),
                streaming.bytes, streaming.diskMBps, streaming.pageCacheReadMBps, streaming.diskRead, streaming.chunkSize,
                streaming.storageReadMBps, streaming.upload, streaming.ranges, streaming.rangePasses,
                streaming.rangeSize, streaming.rangeMBps, RegistryBench.Latency.of(streaming.seeks), streaming.fullMBps,
                streaming.cpuMsPerMB, streaming.serviceMBps,
                streaming.match, streaming.heapBefore, streaming.heapPeak,
                streaming.heapAfter, Runtime.getRuntime().maxMemory() / (1024 * 1024), streaming.failures,
                streaming.localCopy, streaming.openRangeMBps, null);
    }

    /** A thread asking for random members' progress, one call after the other, while {@code running}. */
    private Thread progressCaller(AtomicBoolean running, List<Long> took, String gateway, List<String> members,
                                  List<String> tokens, AtomicInteger failures) {
        return Thread.ofPlatform().name("progress-caller").start(() -> {
            while (running.get()) {
                try {
                    took.add(progressCall(gateway, members, tokens, failures));
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }
        });
    }

    /** One progress call of a random member; answers its time in nanoseconds. */
    private long progressCall(String gateway, List<String> members, List<String> tokens, AtomicInteger failures)
            throws IOException, InterruptedException {
        int m = ThreadLocalRandom.current().nextInt(members.size());
        long s = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/trainings/me/progress"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + tokens.get(m)).GET().build());
        long took = System.nanoTime() - s;
        if (r.statusCode() != 200 || !members.get(m).equals(JSON.readTree(r.body()).path("memberId").asString())) {
            if (failures.incrementAndGet() <= 3) {
                System.out.println("progress failed: " + r.statusCode() + " " + r.body());
            }
        }
        return took;
    }

    /** Runs {@code task(0..n-1)} on n threads named heartbeat-worker-i (their CPU is the load generator's). */
    private static void parallelNamed(int n, RegistryBench.Task task) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failed = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name("heartbeat-worker-" + i).start(() -> {
                try {
                    task.run(index);
                } catch (Throwable e) {
                    failed.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("a heartbeat worker failed", failed.getFirst());
        }
    }

    /** The part of the stack a thread of this JVM works for, by its name. */
    private static String part(String thread, int trainingPort) {
        if (thread.startsWith("reactor-http-")) {
            return GATEWAY;
        }
        if (thread.startsWith("http-nio-" + trainingPort + "-")) {
            return TRAINING;
        }
        if (thread.startsWith("mongo-server")) {
            return DATABASE;
        }
        // main reads the streams; the JDK HttpClient's threads carry the progress calls.
        if (thread.startsWith("heartbeat-worker") || thread.equals("progress-caller") || thread.startsWith("HttpClient-")
                || thread.equals("main")) {
            return LOAD_GENERATOR;
        }
        return OTHERS;
    }

    /** Slices of the heartbeat phases: 10 s, or the whole window when it is shorter. */
    private static Duration slice(Duration window) {
        return window.compareTo(Duration.ofSeconds(10)) < 0 ? window : Duration.ofSeconds(10);
    }

    /** Heartbeats per second of each slice while {@code sent} is counted, printed as they come. */
    private static void countSlices(AtomicLong sent, Duration slice, List<Long> slices) {
        long last = 0;
        long since = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(slice);
                long now = sent.get();
                slices.add((now - last) * 1000 / slice.toMillis());
                System.out.printf("heartbeats, last %d s: %d/s%n", slice.toSeconds(), slices.getLast());
                last = now;
                since = System.nanoTime();
            }
        } catch (InterruptedException e) {
            // The phase is over; its last slice counts if it is most of one (the window's end is not
            // quite a multiple of the slice after this thread started).
            double seconds = (System.nanoTime() - since) / 1e9;
            if (seconds >= slice.toSeconds() * 0.9) {
                slices.add(Math.round((sent.get() - last) / seconds));
            }
        }
    }

    /** How long the heartbeats ran before the measured window, and at what rate in each slice. */
    record WarmUp(Duration took, List<Long> slices, long failures) {
    }

    /**
     * Heartbeats in slices until the rate stops rising: two slices in a row not more than 3% above the
     * best before them, after at least 30 s (or the window), at most 3 windows or 180 s. The stack's
     * JIT takes a minute or more at full load to compile its hot paths (five Spring applications and a
     * broker in one JVM); a fixed 30 s measured the compiler at work more than the stack.
     */
    private WarmUp warmUp(int concurrency, Duration window, int members, Players players, List<String> tokens,
                          String path) throws Exception {
        Duration slice = slice(window);
        long least = Math.min(30_000, window.toMillis());
        long most = Math.max(least, Math.min(180_000, 3 * window.toMillis()));
        List<Long> slices = new ArrayList<>();
        long best = 0;
        int flat = 0;
        AtomicLong failures = new AtomicLong();
        long begin = System.nanoTime();
        long elapsed = 0;
        while (elapsed < most && !(elapsed >= least && flat >= 2)) {
            AtomicLong sent = new AtomicLong();
            long t0 = System.nanoTime();
            runHeartbeats(concurrency, slice, members, players, tokens, path, null, sent, failures, new AtomicLong(), 0);
            long rate = Math.round(sent.get() / ((System.nanoTime() - t0) / 1e9));
            slices.add(rate);
            flat = rate > best * 1.03 ? 0 : flat + 1;
            best = Math.max(best, rate);
            elapsed = (System.nanoTime() - begin) / 1_000_000;
        }
        System.out.printf("warm-up: %d s, heartbeats per second by slice %s%n", elapsed / 1000, slices);
        return new WarmUp(Duration.ofMillis(elapsed), slices, failures.get());
    }

    /**
     * What each member's player reports: a rising {@code seq}, and a position that moves on by the
     * wall time since that member's last heartbeat, as a player at 1x does (from the start again at
     * the end). Owned by one worker per member, so no locking.
     */
    static final class Players {
        private final long[] seq;
        private final double[] position;
        private final long[] lastNanos;

        Players(int members) {
            seq = new long[members];
            position = new double[members];
            lastNanos = new long[members];
        }

        String nextHeartbeat(int m) {
            long now = System.nanoTime();
            double played = lastNanos[m] == 0 ? 15 : (now - lastNanos[m]) / 1e9;
            lastNanos[m] = now;
            position[m] += played;
            if (position[m] > WATCH_DURATION_SECONDS - 15) {
                position[m] = 0;
            }
            return "{\"seq\":" + ++seq[m] + ",\"position\":" + Math.round(position[m] * 1000) / 1000.0
                    + ",\"playing\":true}";
        }
    }

    private void runHeartbeats(int concurrency, Duration window, int members, Players players, List<String> tokens,
                               String path, List<Long> latencies, AtomicLong sent, AtomicLong failures,
                               AtomicLong generatorCpu, double perSecond) throws Exception {
        long start = System.nanoTime();
        long end = start + window.toNanos();
        int workers = Math.min(concurrency, members);
        URI uri = URI.create(path);
        // Paced (perSecond > 0): worker w sends at start + (w + k * workers) / perSecond, or at once when late.
        double interval = perSecond > 0 ? 1e9 / perSecond : 0;
        parallelNamed(workers, w -> {
            int m = w;
            long cpu = THREADS.getCurrentThreadCpuTime();
            try (KeepAliveHttp http = new KeepAliveHttp(uri)) {
                for (long k = 0; System.nanoTime() < end; k++) {
                    if (interval > 0) {
                        long due = start + (long) ((w + k * workers) * interval);
                        if (due >= end) {
                            break;
                        }
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    }
                    String body = players.nextHeartbeat(m);
                    long s = System.nanoTime();
                    KeepAliveHttp.Response r;
                    try {
                        r = http.post(uri.getRawPath(), tokens.get(m), body);
                    } catch (IOException e) {
                        r = new KeepAliveHttp.Response(0, e.toString());
                    }
                    long took = System.nanoTime() - s;
                    if (latencies != null) {
                        latencies.add(took);
                    }
                    sent.incrementAndGet();
                    if (r.status() != 200 && failures.incrementAndGet() <= 3) {
                        System.out.println("heartbeat failed: " + r.status() + " " + r.body());
                    }
                    m += workers;
                    if (m >= members) {
                        m = w;
                    }
                }
            }
            generatorCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        });
    }

    private record Streaming(long bytes, double diskMBps, double pageCacheReadMBps, DiskRead diskRead, int chunkSize,
                             double storageReadMBps, Duration upload, int ranges, int rangePasses, long rangeSize,
                             double rangeMBps,
                             List<Long> seeks, double fullMBps, Cpu cpuMsPerMB, double serviceMBps, boolean match,
                             long heapBefore, long heapPeak, long heapAfter, int failures, LocalCopy localCopy,
                             double openRangeMBps) {
    }

    /**
     * training-service's local copy of the video: content responses sent from it and read from GridFS
     * during the streaming phase, and MB/s with the copy dropped from the page cache (NaN with
     * {@code note} saying why when it could not be measured).
     */
    record LocalCopy(double fromCopy, double fromGridFs, double coldReadMBps, double coldGetMBps, String note, int failures) {

        String readText() {
            return Double.isNaN(coldReadMBps) ? "not measured: " + note : "%.0f MB/s".formatted(coldReadMBps);
        }

        String getText(double diskMBps) {
            return Double.isNaN(coldGetMBps) ? "not measured: " + note : "%.0f MB/s (%.0f%% of the cold read, %.0f%% of the disk)"
                    .formatted(coldGetMBps, 100 * coldGetMBps / coldReadMBps, 100 * coldGetMBps / diskMBps);
        }
    }

    /**
     * Milliseconds of this JVM's CPU per MB streamed: 8 MB ranges and whole GETs through the gateway and
     * without it; for the first two also by part of the stack.
     */
    record Cpu(double ranges, double gateway, double service, Map<String, Double> rangeParts,
               Map<String, Double> gatewayParts) {
    }

    /**
     * A sequential read of a file bypassing the page cache: {@code mbps} NaN when the file system
     * refused {@code O_DIRECT}, then {@code note} says why.
     */
    record DiskRead(double mbps, String how, String note) {

        String text() {
            return Double.isNaN(mbps) ? "not measured: " + note : "%.0f MB/s".formatted(mbps);
        }
    }

    /**
     * Reads {@code file} once with {@code O_DIRECT} (Linux), in 8 MB requests into a buffer aligned
     * to the file system's block size, so every byte comes from the device and none from the page
     * cache, whatever was read or written before.
     */
    static DiskRead directRead(Path file) {
        String fileSystem;
        try {
            fileSystem = Files.getFileStore(file).type() + " on " + Files.getFileStore(file).name();
        } catch (IOException e) {
            fileSystem = "?";
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
            int block = (int) Math.max(512, Files.getFileStore(file).getBlockSize());
            ByteBuffer buffer = ByteBuffer.allocateDirect(8 * 1024 * 1024 + block).alignedSlice(block)
                    .limit(8 * 1024 * 1024);
            long total = 0;
            long t0 = System.nanoTime();
            int n;
            while ((n = channel.read(buffer, total)) > 0) {
                total += n;
                buffer.clear().limit(8 * 1024 * 1024);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new DiskRead(total / (1024.0 * 1024) / seconds, "`O_DIRECT`, " + block + " B aligned, " + fileSystem, null);
        } catch (IOException | UnsupportedOperationException e) {
            return new DiskRead(Double.NaN, "`O_DIRECT` refused, " + fileSystem, e.toString());
        }
    }

    /** training-service's content responses so far: {sent from its local copy, read from GridFS}. */
    private static double[] streamsBySource(RunningStack stack) {
        MeterRegistry meters = stack.context("training-service").getBean(MeterRegistry.class);
        return new double[] {meters.counter("training.video.streams", "source", "local-copy").count(),
                meters.counter("training.video.streams", "source", "gridfs").count()};
    }

    /**
     * The video's local copy (in the stack's data folder, named by its GridFS file id) dropped from the
     * page cache and read by the bench, then dropped again and streamed whole through the gateway; the
     * faster of 2 each.
     */
    private static LocalCopy cold(RunningStack stack, ObjectId fileId, KeepAliveHttp viaGateway, String content,
                                  String token, RandomAccessFile original, long bytes, double fromCopy, double fromGridFs)
            throws IOException {
        Path copy = stack.options().dataDir().resolve("training-video-cache").resolve(fileId.toHexString());
        if (!Files.exists(copy)) {
            return new LocalCopy(fromCopy, fromGridFs, Double.NaN, Double.NaN, "training-service made no local copy", 1);
        }
        double read = 0;
        double get = 0;
        int failures = 0;
        for (int pass = 0; pass < 2; pass++) {
            String refused = ColdFile.drop(copy);
            if (refused == null) {
                read = Math.max(read, ColdFile.read(copy));
                refused = ColdFile.drop(copy);
            }
            if (refused != null) {
                return new LocalCopy(fromCopy, fromGridFs, Double.NaN, Double.NaN, refused, 0);
            }
            long t0 = System.nanoTime();
            Compare body = new Compare(original, 0);
            KeepAliveHttp.Streamed whole = viaGateway.get(content, token, null, STREAM_BUFFER, body);
            get = Math.max(get, bytes / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9));
            if (whole.status() != 200 || body.result() != bytes) {
                failures++;
                System.out.println("cold whole GET answered " + whole.status() + ", " + body.result() + " bytes");
            }
        }
        return new LocalCopy(fromCopy, fromGridFs, read, get, null, failures);
    }

    /**
     * The video's chunks read in order straight from the stack's MongoDB (loopback wire protocol,
     * no HTTP, no gateway): one find by {@code {files_id, n}} each, as the service reads them; the
     * faster of two passes. A wrong total length fails the run.
     */
    private static Storage storageRead(RunningStack stack, String videoId) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("training"))) {
            var db = client.getDatabase("training");
            Document video = db.getCollection("videos").find(new Document("_id", videoId)).first();
            ObjectId fileId = new ObjectId(video.getString("fileId"));
            Document file = db.getCollection("video_files.files").find(new Document("_id", fileId)).first();
            long length = ((Number) file.get("length")).longValue();
            int chunkSize = ((Number) file.get("chunkSize")).intValue();
            var chunks = db.getCollection("video_files.chunks");
            // Two passes, the faster counts: the first also warms up the code that reads large documents.
            double best = 0;
            for (int pass = 0; pass < 2; pass++) {
                long total = 0;
                long t0 = System.nanoTime();
                for (int n = 0; (long) n * chunkSize < length; n++) {
                    Document chunk = chunks.find(new Document("files_id", fileId).append("n", n)).first();
                    total += chunk.get("data", Binary.class).length();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (total != length) {
                    throw new IllegalStateException("GridFS chunks hold " + total + " bytes, the file " + length);
                }
                best = Math.max(best, length / (1024.0 * 1024) / seconds);
            }
            return new Storage(best, chunkSize, fileId);
        }
    }

    /** The storage's read rate, and the video's GridFS chunk size and file id. */
    private record Storage(double mbps, int chunkSize, ObjectId fileId) {
    }

    /** A large video generated on disk, uploaded from the file, read back in Range requests and once whole. */
    private Streaming stream(RunningStack stack, String admin, String committee, String memberToken, int megabytes)
            throws Exception {
        String gateway = stack.gatewayUrl();
        int trainingPort = stack.servicePorts().get("training-service");
        // In the bench's data folder, so the disk measured is the one the embedded MongoDB writes to.
        Path file = Files.createTempFile(stack.options().dataDir(), "bench-video", ".mp4");
        try {
            long bytes = (long) megabytes * 1024 * 1024;
            byte[] block = new byte[1024 * 1024];
            new Random(7).nextBytes(block);
            long t0 = System.nanoTime();
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (long written = 0; written < bytes; written += block.length) {
                    block[0] = (byte) (written / block.length); // every MB a little different
                    ByteBuffer wrap = ByteBuffer.wrap(block);
                    while (wrap.hasRemaining()) {
                        out.write(wrap);
                    }
                }
                // On the device before the direct read, which would otherwise wait for the write-back.
                out.force(true);
            }
            double diskMBps = megabytes / ((System.nanoTime() - t0) / 1e9);
            DiskRead diskRead = directRead(file);
            t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                while (in.read(block) >= 0) {
                    // only the time to read it
                }
            }
            double pageCacheReadMBps = megabytes / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("disk (direct) %s, page cache %.0f MB/s%n", diskRead.text(), pageCacheReadMBps);

            long heapBefore = usedHeapAfterGc();
            AtomicLong peak = new AtomicLong(heapBefore);
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            int failures = 0;
            t0 = System.nanoTime();
            String videoId = uploadFile(gateway, admin, committee, "压测长视频", 7_200, file);
            Duration upload = Duration.ofNanos(System.nanoTime() - t0);
            Storage storage = storageRead(stack, videoId);
            String content = "/api/v1/trainings/videos/" + videoId + "/content";
            double[] streamsBefore = streamsBySource(stack);

            // 8 MB ranges; a small (smoke) file is cut into 4 so that several ranges are still read.
            long rangeSize = bytes >= 4 * RANGE ? RANGE : Math.max(1, bytes / 4);
            int ranges = 0;
            boolean match = true;
            try (RandomAccessFile original = new RandomAccessFile(file.toFile(), "r");
                 KeepAliveHttp viaGateway = new KeepAliveHttp(URI.create(gateway));
                 KeepAliveHttp direct = new KeepAliveHttp(URI.create(stack.serviceUrl("training-service")))) {
                // Passes over the whole file until the rate stops rising (3 at least), the fastest counts: the
                // first ones get the streaming code compiled (it ran only for the upload before), as the
                // heartbeats' warm-up does for theirs.
                double rangeMBps = 0;
                double rangeCpu = 0;
                Map<String, Double> rangeParts = Map.of();
                int passes = 0;
                for (int flat = 0; passes < PASSES && (passes < 3 || flat < 2); passes++) {
                    int pass = passes;
                    t0 = System.nanoTime();
                    long cpu0 = ThreadCpu.processCpuNanos();
                    ThreadCpu parts = new ThreadCpu(name -> part(name, trainingPort));
                    for (long start = 0; start < bytes; start += rangeSize) {
                        long last = Math.min(bytes, start + rangeSize) - 1;
                        boolean check = start == 0 || last == bytes - 1;
                        Compare body = new Compare(check ? original : null, start);
                        KeepAliveHttp.Streamed r = viaGateway.get(content, memberToken, "bytes=" + start + "-" + last,
                                STREAM_BUFFER, body);
                        long read = body.result();
                        if (r.status() != 206 || read != last - start + 1
                                || !r.headers().getOrDefault("content-range", "").equals("bytes " + start + "-" + last + "/" + bytes)) {
                            failures++;
                            System.out.println("range " + start + "-" + last + " answered " + r.status() + ", " + read
                                    + " bytes");
                        }
                        if (read < 0) {
                            match = false;
                        }
                        ranges++;
                    }
                    double mbps = bytes / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9);
                    Map<String, Double> byPart = perMB(parts, bytes);
                    System.out.printf("Range reads, pass %d: %.0f MB/s, CPU ms/MB by part %s%n", pass + 1, mbps, brief(byPart));
                    flat = mbps > rangeMBps * 1.03 ? 0 : flat + 1;
                    if (mbps > rangeMBps) {
                        rangeMBps = mbps;
                        rangeCpu = (ThreadCpu.processCpuNanos() - cpu0) / 1e6 / (bytes / (1024.0 * 1024));
                        rangeParts = byPart;
                    }
                }
                ranges /= passes;

                // Seeks as a player makes them: 1 MB from random offsets, each compared with the file.
                List<Long> seeks = new ArrayList<>();
                Random offsets = new Random(11);
                long seekSize = Math.min(1024 * 1024, bytes);
                for (int i = 0; i < 20; i++) {
                    long start = (long) (offsets.nextDouble() * (bytes - seekSize));
                    long last = start + seekSize - 1;
                    long s = System.nanoTime();
                    Compare body = new Compare(original, start);
                    KeepAliveHttp.Streamed r = viaGateway.get(content, memberToken, "bytes=" + start + "-" + last,
                            STREAM_BUFFER, body);
                    long read = body.result();
                    seeks.add(System.nanoTime() - s);
                    if (r.status() != 206 || Math.abs(read) != seekSize) {
                        failures++;
                        System.out.println("seek " + start + "-" + last + " answered " + r.status() + ", " + read + " bytes");
                    }
                    if (read < 0) {
                        match = false;
                    }
                }

                // The whole file through the gateway, then straight from training-service: the difference is the gateway's.
                double[] fullMBps = new double[2];
                double[] fullCpu = new double[2];
                Map<String, Double> gatewayParts = Map.of();
                KeepAliveHttp[] ways = {viaGateway, direct};
                for (int k = 0; k < 2 * ways.length; k++) {
                    int i = k % ways.length;
                    t0 = System.nanoTime();
                    long cpu0 = ThreadCpu.processCpuNanos();
                    ThreadCpu parts = new ThreadCpu(name -> part(name, trainingPort));
                    Compare body = new Compare(original, 0);
                    KeepAliveHttp.Streamed whole = ways[i].get(content, memberToken, null, STREAM_BUFFER, body);
                    long read = body.result();
                    double mbps = bytes / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9);
                    Map<String, Double> byPart = perMB(parts, bytes);
                    System.out.printf("whole GET %s: %.0f MB/s, CPU ms/MB by part %s%n", i == 0 ? "through the gateway" : "without it",
                            mbps, brief(byPart));
                    if (mbps > fullMBps[i]) { // the faster of 2
                        fullMBps[i] = mbps;
                        fullCpu[i] = (ThreadCpu.processCpuNanos() - cpu0) / 1e6 / (bytes / (1024.0 * 1024));
                        if (i == 0) {
                            gatewayParts = byPart;
                        }
                    }
                    if (whole.status() != 200 || Math.abs(read) != bytes) {
                        failures++;
                        System.out.println("whole GET " + (i == 0 ? "through the gateway" : "without it") + " answered "
                                + whole.status() + ", " + read + " bytes");
                    }
                    if (read < 0) {
                        match = false;
                    }
                }
                // Ranges as players send them after a seek: open-ended, from a third into the file to its end.
                long from = bytes / 3;
                double openRangeMBps = 0;
                for (int i = 0; i < 2; i++) {
                    t0 = System.nanoTime();
                    Compare body = new Compare(original, from);
                    KeepAliveHttp.Streamed open = viaGateway.get(content, memberToken, "bytes=" + from + "-", STREAM_BUFFER, body);
                    long read = body.result();
                    openRangeMBps = Math.max(openRangeMBps, (bytes - from) / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9));
                    if (open.status() != 206 || Math.abs(read) != bytes - from) {
                        failures++;
                        System.out.println("open range " + from + "- answered " + open.status() + ", " + read + " bytes");
                    }
                    if (read < 0) {
                        match = false;
                    }
                }
                System.out.printf("open-ended Range reads (bytes=%d-) through the gateway: %.0f MB/s%n", from, openRangeMBps);
                double[] streamsAfter = streamsBySource(stack);
                LocalCopy copy = cold(stack, storage.fileId(), viaGateway, content, memberToken, original, bytes,
                        streamsAfter[0] - streamsBefore[0], streamsAfter[1] - streamsBefore[1]);
                System.out.printf("local copy: %.0f responses sent from it, %.0f read from GridFS; cold read %s, cold whole GET %s%n",
                        copy.fromCopy(), copy.fromGridFs(), copy.readText(), copy.getText(diskRead.mbps()));
                Cpu cpu = new Cpu(rangeCpu, fullCpu[0], fullCpu[1], rangeParts, gatewayParts);
                sampling.set(false);
                sampler.join();
                long heapAfter = usedHeapAfterGc();
                System.out.printf("streaming %d MB: disk write %.0f / direct read %s / page cache %.0f MB/s, upload %d ms, "
                        + "storage (%d KiB chunks) %.0f MB/s, ranges %.0f MB/s, seeks %s, whole %.0f MB/s, without gateway "
                        + "%.0f MB/s, CPU ms/MB ranges %.2f whole %.2f without gateway %.2f, heap %d/%d/%d MB%n",
                        megabytes, diskMBps, diskRead.text(), pageCacheReadMBps, upload.toMillis(), storage.chunkSize() / 1024,
                        storage.mbps(), rangeMBps, RegistryBench.Latency.of(seeks).text(), fullMBps[0], fullMBps[1], cpu.ranges(),
                        cpu.gateway(), cpu.service(), heapBefore, peak.get(), heapAfter);
                return new Streaming(bytes, diskMBps, pageCacheReadMBps, diskRead, storage.chunkSize(), storage.mbps(), upload,
                        ranges, passes, rangeSize, rangeMBps, seeks, fullMBps[0], cpu, fullMBps[1], match, heapBefore, peak.get(),
                        heapAfter, failures, copy, openRangeMBps);
            } finally {
                sampling.set(false);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** "gateway 0.62, training-service 1.05, ...": each part by its first word. */
    private static String brief(Map<String, Double> byPart) {
        StringBuilder text = new StringBuilder();
        byPart.forEach((part, ms) -> text.append(text.isEmpty() ? "" : ", ").append(part.split(" ")[0]).append(' ').append(ms));
        return text.toString();
    }

    /** CPU milliseconds per MB of {@code bytes} by part of the stack, since {@code parts} started counting. */
    private static Map<String, Double> perMB(ThreadCpu parts, long bytes) {
        Map<String, Double> perMB = new java.util.LinkedHashMap<>();
        parts.since(Map.of()).forEach((part, nanos) -> perMB.put(part, Math.round(nanos / 1e3 / (bytes / (1024.0 * 1024))) / 1e3));
        return perMB;
    }

    /**
     * Counts a body's bytes and, given the original file, compares them with it from {@code offset}.
     * {@link #result()}: the bytes read, negative if they differ from the file.
     */
    private static final class Compare implements KeepAliveHttp.BodySink {
        private final RandomAccessFile original;
        private final long offset;
        private byte[] expected = new byte[0];
        private long total;
        private boolean same = true;

        Compare(RandomAccessFile original, long offset) {
            this.original = original;
            this.offset = offset;
        }

        @Override
        public void accept(byte[] bytes, int from, int length) throws IOException {
            if (original != null && same) {
                if (expected.length < length) {
                    expected = new byte[length];
                }
                original.seek(offset + total);
                original.readFully(expected, 0, length);
                same = Arrays.equals(bytes, from, from + length, expected, 0, length);
            }
            total += length;
        }

        long result() {
            return same ? total : -total;
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return usedHeap();
    }

    private List<String> register(String gateway, String token, List<String> branches, int count) throws Exception {
        int batches = (count + BATCH - 1) / BATCH;
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        String run = UUID.randomUUID().toString().substring(0, 4);
        RegistryBench.parallel(4, batches, b -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int n = b * BATCH; n < Math.min(count, (b + 1) * BATCH); n++) {
                LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(n / 900 % 18_000);
                items.add(Map.of("name", "学员" + run + n, "gender", n % 3 == 0 ? "FEMALE" : "MALE",
                        "birthDate", birth.toString(), "nationalId", NationalIds.of(AREA, birth, 100 + n % 900),
                        "phone", String.format("136%08d", n), "orgId", branches.get(b % branches.size()),
                        "status", n % 10 == 0 ? "PROBATIONARY" : "FULL", "joinedAt", birth.plusYears(25).toString()));
            }
            HttpResponse<String> r = send(post(gateway + "/api/v1/members/batch", token,
                    JSON.writeValueAsString(Map.of("members", items))));
            if (r.statusCode() != 201) {
                throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body());
            }
            JSON.readTree(r.body()).forEach(m -> ids.add(m.path("id").asString()));
        });
        return new ArrayList<>(ids);
    }

    /** Waits until training-service's roster projection holds every member (5 minutes at most). */
    private static void awaitRoster(RunningStack stack, List<String> ids) throws InterruptedException {
        try (MongoClient client = MongoClients.create(stack.mongoUri("training"))) {
            var roster = client.getDatabase("training").getCollection("roster_members");
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            for (int from = 0; from < ids.size(); ) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
                if (roster.countDocuments(Filters.in("_id", chunk)) == chunk.size()) {
                    from += chunk.size();
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("training-service's roster lacks members after 5 minutes");
                }
                Thread.sleep(200);
            }
        }
    }

    private String uploadBytes(String gateway, String token, String orgId, String title, long duration, byte[] bytes)
            throws IOException, InterruptedException {
        return upload(gateway, token, orgId, title, duration, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private String uploadFile(String gateway, String token, String orgId, String title, long duration, Path file)
            throws IOException, InterruptedException {
        return upload(gateway, token, orgId, title, duration, HttpRequest.BodyPublishers.ofFile(file));
    }

    /** Multipart: the file part streamed from its publisher, the fields as query parameters. */
    private String upload(String gateway, String token, String orgId, String title, long duration,
                          HttpRequest.BodyPublisher content) throws IOException, InterruptedException {
        String boundary = "----bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lecture.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String query = "?orgId=" + orgId + "&title=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8)
                + "&durationSeconds=" + duration;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/trainings/videos" + query))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), content,
                        HttpRequest.BodyPublishers.ofByteArray(tail))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload refused: " + r.statusCode() + " " + r.body());
        }
        JsonNode video = JSON.readTree(r.body());
        return video.path("id").asString();
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
