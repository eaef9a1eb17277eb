package party.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import party.standalone.Standalone;
import party.standalone.StandaloneOptions;
import party.standalone.demo.NationalIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness for the slice: starts the standalone stack in this JVM on free ports with a fresh
 * data folder, registers members through the gateway with real tokens, and writes a report with
 * throughput, p50/p99 latency, the event latency from registration to the updated count, start
 * time and resident memory. Run: {@code ./mvnw -q -pl bench -am install -DskipTests && java -jar bench/target/bench.jar}.
 */
public final class Bench {

    static final int RATE_LIMIT = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger sequence = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromArgs(args);
        if (options.scenario().equals("registry")) {
            System.out.println(RegistryBench.run(options.committees(), options.members(), options.importRows(),
                    options.reportDir()).markdown());
        } else if (options.scenario().equals("training")) {
            System.out.println(TrainingBench.run(options.members(), options.concurrency(),
                    java.time.Duration.ofSeconds(options.heartbeatSeconds()), options.progressCalls(),
                    options.videoMegabytes(), options.reportDir()).markdown());
        } else if (options.scenario().equals("assessment")) {
            System.out.println(AssessmentBench.run(options.events(), options.reportDir()).markdown());
        } else if (options.scenario().equals("tree")) {
            TreeBench.TreeReport report = TreeBench.run(options.committees(), options.latencySamples() * 10,
                    options.reportDir());
            System.out.println(report.markdown(options.latencySamples() * 10));
        } else {
            System.out.println(run(options).markdown());
        }
        System.exit(0);
    }

    static Report run(BenchOptions options) throws Exception {
        Path data = BenchData.freshFolder("party-bench");
        // One user drives the whole load: lift the gateway's per-principal limit (50/s) so the
        // bench measures the system, not the limiter. The report says so.
        System.setProperty("GATEWAY_RATE_LIMIT_RPS", String.valueOf(RATE_LIMIT));
        System.setProperty("GATEWAY_RATE_LIMIT_BURST", String.valueOf(RATE_LIMIT));
        long started = System.nanoTime();
        try (RunningStack stack = Standalone.start(StandaloneOptions.defaults().withDataDir(data).withFreePorts())) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            Report report = new Bench().measure(stack, options, startup);
            Files.createDirectories(options.reportDir());
            Path file = options.reportDir().resolve("bench-" + Instant.now().toString().replace(':', '-') + ".md");
            Files.writeString(file, report.markdown());
            return report.writtenTo(file);
        }
    }

    private Report measure(RunningStack stack, BenchOptions options, Duration startup) throws Exception {
        String token = stack.token("admin");
        String gateway = stack.gatewayUrl();
        List<String> branches = stack.demo().ids(List.of(DemoDirectory.BRANCH_1, DemoDirectory.BRANCH_2));

        // Warm-up: JIT and connection pools, not counted.
        for (int i = 0; i < Math.min(20, options.registrations()); i++) {
            register(gateway, token, branches.get(i % branches.size()));
        }

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long begin = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.concurrency())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < options.registrations(); i++) {
                String branch = branches.get(i % branches.size());
                running.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    int status = register(gateway, token, branch);
                    latencies.add(System.nanoTime() - t0);
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;

        List<Long> eventLatencies = new ArrayList<>();
        String branch = branches.getFirst();
        for (int i = 0; i < options.latencySamples(); i++) {
            long before = directCount(gateway, token, branch);
            long t0 = System.nanoTime();
            if (register(gateway, token, branch) != 201) {
                failures.incrementAndGet();
                continue;
            }
            long deadline = t0 + Duration.ofSeconds(10).toNanos();
            while (directCount(gateway, token, branch) <= before && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            eventLatencies.add(System.nanoTime() - t0);
        }
        return new Report(options, startup, options.registrations() / seconds, percentile(latencies, 50),
                percentile(latencies, 99), failures.get(), percentile(eventLatencies, 50), percentile(eventLatencies, 99),
                residentMegabytes(), null);
    }

    private int register(String gateway, String token, String branch) throws IOException, InterruptedException {
        int n = sequence.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n * 7L % 15000);
        String id = NationalIds.of("230102", birth, 100 + n % 800);
        String body = JSON.writeValueAsString(java.util.Map.of("name", "压测党员" + n, "gender", n % 2 == 0 ? "FEMALE" : "MALE",
                "birthDate", birth.toString(), "nationalId", id, "phone", String.format("139%08d", n),
                "orgId", branch, "status", n % 5 == 0 ? "PROBATIONARY" : "FULL"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/members"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private long directCount(String gateway, String token, String orgId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/organizations/" + orgId))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("memberCounts").get("direct").get("total").asLong();
    }

    static double percentileOf(List<Long> nanos, int p) {
        return percentile(nanos, p);
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Resident memory of this process: the whole stack plus the load generator. */
    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
