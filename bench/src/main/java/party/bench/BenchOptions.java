package party.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run.
 *
 * @param registrations member registrations sent through the gateway
 * @param concurrency requests in flight at once (default 8; 32 heartbeats for the training scenario)
 * @param latencySamples registrations whose event latency (201 to updated count) is measured one by one
 * @param reportDir where the report is written
 * @param scenario {@code registration} (the member slice), {@code tree} (a 50,000-organization tree),
 *                 {@code registry}, {@code training} (issue 5's bars) or {@code assessment} (issue 6's convergence)
 * @param committees second-level committees of the tree and registry scenarios, about 1,000 organizations each
 * @param members members the registry (default 1,000,000) or training (default 10,000) scenario registers
 * @param importRows rows of the roster sheet the registry scenario imports (0: none)
 * @param heartbeatSeconds how long the training scenario sends heartbeats (after a short warm-up)
 * @param progressCalls calls of a member's progress the training scenario times
 * @param videoMegabytes size of the large video the training scenario uploads and streams
 * @param events events of the assessment scenario's burst
 */
record BenchOptions(int registrations, int concurrency, int latencySamples, Path reportDir, String scenario,
                    int committees, int members, int importRows, int heartbeatSeconds, int progressCalls,
                    int videoMegabytes, int events) {

    static final List<String> SCENARIOS = List.of("registration", "tree", "registry", "training", "assessment");

    BenchOptions(int registrations, int concurrency, int latencySamples, Path reportDir) {
        this(registrations, concurrency, latencySamples, reportDir, "registration", 50, 1_000_000, 100_000, 30, 500,
                500, 10_000);
    }

    static BenchOptions fromArgs(String... args) {
        int registrations = 500;
        Integer concurrency = null; // 8, or 32 heartbeats in flight for the training scenario
        Integer members = null; // 1,000,000 for the registry, 10,000 for the training scenario
        int heartbeatSeconds = 30;
        int progressCalls = 500;
        int videoMegabytes = 500;
        int events = 10_000;
        int samples = 30;
        Path reports = Path.of("bench", "reports");
        String scenario = "registration";
        int committees = 50;
        int importRows = 100_000;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("arguments are --name=value: " + arg);
            }
            switch (kv[0]) {
                case "registrations" -> registrations = Integer.parseInt(kv[1]);
                case "concurrency" -> concurrency = Integer.parseInt(kv[1]);
                case "latency-samples" -> samples = Integer.parseInt(kv[1]);
                case "report-dir" -> reports = Path.of(kv[1]);
                case "scenario" -> scenario = kv[1];
                case "committees" -> committees = Integer.parseInt(kv[1]);
                case "members" -> members = Integer.parseInt(kv[1]);
                case "import-rows" -> importRows = Integer.parseInt(kv[1]);
                case "heartbeat-seconds" -> heartbeatSeconds = Integer.parseInt(kv[1]);
                case "progress-calls" -> progressCalls = Integer.parseInt(kv[1]);
                case "video-mb" -> videoMegabytes = Integer.parseInt(kv[1]);
                case "events" -> events = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (concurrency == null) {
            concurrency = scenario.equals("training") ? 32 : 8;
        }
        if (members == null) {
            members = scenario.equals("training") ? 10_000 : 1_000_000;
        }
        if (registrations < 1 || concurrency < 1 || samples < 1) {
            throw new IllegalArgumentException("registrations, concurrency and latency-samples must be at least 1");
        }
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("scenario is one of " + SCENARIOS);
        }
        if (members < 1 || heartbeatSeconds < 1 || progressCalls < 1 || videoMegabytes < 1 || events < 1) {
            throw new IllegalArgumentException("members, heartbeat-seconds, progress-calls, video-mb and events must be at least 1");
        }
        if (committees < 2) {
            throw new IllegalArgumentException("the tree needs at least 2 committees (one moves under the other)");
        }
        return new BenchOptions(registrations, concurrency, samples, reports, scenario, committees, members, importRows,
                heartbeatSeconds, progressCalls, videoMegabytes, events);
    }
}
