package party.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run.
 *
 * @param registrations member registrations sent through the gateway
 * @param concurrency requests in flight at once
 * @param latencySamples registrations whose event latency (201 to updated count) is measured one by one
 * @param reportDir where the report is written
 * @param scenario {@code registration} (the member slice) or {@code tree} (a 50,000-organization tree)
 * @param committees second-level committees of the tree and registry scenarios, about 1,000 organizations each
 * @param members members the registry scenario registers
 * @param importRows rows of the roster sheet the registry scenario imports (0: none)
 */
record BenchOptions(int registrations, int concurrency, int latencySamples, Path reportDir, String scenario,
                    int committees, int members, int importRows) {

    BenchOptions(int registrations, int concurrency, int latencySamples, Path reportDir) {
        this(registrations, concurrency, latencySamples, reportDir, "registration", 50, 1_000_000, 100_000);
    }

    static BenchOptions fromArgs(String... args) {
        int registrations = 500;
        int concurrency = 8;
        int samples = 30;
        Path reports = Path.of("bench", "reports");
        String scenario = "registration";
        int committees = 50;
        int members = 1_000_000;
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
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (registrations < 1 || concurrency < 1 || samples < 1) {
            throw new IllegalArgumentException("registrations, concurrency and latency-samples must be at least 1");
        }
        if (!List.of("registration", "tree", "registry").contains(scenario)) {
            throw new IllegalArgumentException("scenario is registration, tree or registry");
        }
        if (committees < 2) {
            throw new IllegalArgumentException("the tree needs at least 2 committees (one moves under the other)");
        }
        return new BenchOptions(registrations, concurrency, samples, reports, scenario, committees, members, importRows);
    }
}
