package party.standalone;

import java.nio.file.Path;

/**
 * How to start the standalone stack: where its data lives, which ports it uses, whether to load
 * the demo data. {@link #defaults()} gives the documented ports; tests use {@link #withFreePorts()}
 * and a temporary data directory.
 *
 * @param dataDir MongoDB data, Kafka log, token signing key ({@code --data-dir}, env {@code PARTY_DATA_DIR}, default {@code ./data})
 * @param host host name every component binds to and is reached at
 * @param demoData whether to load the demo organizations and members
 * @param configureLogging whether the launcher configures Logback itself (one console format for all apps)
 */
public record StandaloneOptions(Path dataDir, String host, int mongoPort, int kafkaPort, int kafkaControllerPort,
                                int authPort, int gatewayPort, int organizationPort, int memberPort,
                                int assessmentPort, int trainingPort, boolean demoData, boolean configureLogging) {

    public static StandaloneOptions defaults() {
        String env = System.getenv("PARTY_DATA_DIR");
        Path dataDir = Path.of(env == null || env.isBlank() ? "data" : env);
        return new StandaloneOptions(dataDir, "localhost", 27027, 9092, 9093, 9000, 8080, 8081, 8082, 8083, 8084, true, true);
    }

    /** The defaults changed by command-line arguments. */
    public static StandaloneOptions fromArgs(String... args) {
        StandaloneOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--data-dir") && i + 1 < args.length) {
                options = options.withDataDir(Path.of(args[++i]));
            } else if (arg.startsWith("--data-dir=")) {
                options = options.withDataDir(Path.of(arg.substring("--data-dir=".length())));
            } else if (arg.equals("--no-demo-data")) {
                options = options.withDemoData(false);
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg
                        + "\nusage: standalone [--data-dir DIR] [--no-demo-data]   (env PARTY_DATA_DIR sets the data directory too)");
            }
        }
        return options;
    }

    public StandaloneOptions withDataDir(Path dir) {
        return new StandaloneOptions(dir, host, mongoPort, kafkaPort, kafkaControllerPort, authPort, gatewayPort, organizationPort,
                memberPort, assessmentPort, trainingPort, demoData, configureLogging);
    }

    public StandaloneOptions withDemoData(boolean load) {
        return new StandaloneOptions(dataDir, host, mongoPort, kafkaPort, kafkaControllerPort, authPort, gatewayPort, organizationPort,
                memberPort, assessmentPort, trainingPort, load, configureLogging);
    }

    public StandaloneOptions withConfigureLogging(boolean configure) {
        return new StandaloneOptions(dataDir, host, mongoPort, kafkaPort, kafkaControllerPort, authPort, gatewayPort, organizationPort,
                memberPort, assessmentPort, trainingPort, demoData, configure);
    }

    /** Every port replaced by one that is free now: for tests that must not collide with a running stack. */
    public StandaloneOptions withFreePorts() {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        java.util.function.IntSupplier free = () -> Ports.free(taken);
        return new StandaloneOptions(dataDir, host, free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(),
                free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(), free.getAsInt(), demoData,
                configureLogging);
    }

    public String issuer() {
        return "http://" + host + ":" + authPort;
    }

    public String gatewayUrl() {
        return "http://" + host + ":" + gatewayPort;
    }

    public String kafkaBootstrapServers() {
        return host + ":" + kafkaPort;
    }

}
