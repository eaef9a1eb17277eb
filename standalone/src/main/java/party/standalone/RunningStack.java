package party.standalone;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import party.platform.mongo.EmbeddedMongo;
import party.standalone.auth.DemoAccounts;
import party.standalone.demo.DemoData;

/**
 * The started stack: its addresses, the demo organization ids, and tokens for the demo users and
 * the integration client. {@link #close()} stops everything in reverse order of start: gateway,
 * services, authorization server, Kafka, MongoDB.
 */
public final class RunningStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);
    private static final String GATEWAY = party.gateway.GatewayApplication.NAME;
    private static final String AUTH_SERVER = party.standalone.auth.AuthorizationServerApplication.NAME;

    private final StandaloneOptions options;
    private final DemoDirectory directory;
    private final TokenClient tokens;
    private final Map<String, Integer> servicePorts;
    private EmbeddedMongo mongo;
    private KafkaBroker kafka;
    /** Started Spring contexts by application name, in start order. */
    private final Map<String, ConfigurableApplicationContext> contexts = Collections.synchronizedMap(new LinkedHashMap<>());
    private DemoData.Summary demoSummary;
    private Duration startupTime;
    private boolean closed;

    RunningStack(StandaloneOptions options, DemoDirectory directory, Map<String, Integer> servicePorts) {
        this.options = options;
        this.directory = directory;
        this.servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
        this.tokens = new TokenClient(URI.create(options.issuer()));
    }

    void mongo(EmbeddedMongo mongo) {
        synchronized (this) {
            if (!closed) {
                this.mongo = mongo;
                return;
            }
        }
        mongo.close();
        throw new StandaloneException("stopped while starting", null);
    }

    void kafka(KafkaBroker kafka) {
        synchronized (this) {
            if (!closed) {
                this.kafka = kafka;
                return;
            }
        }
        kafka.close();
        throw new StandaloneException("stopped while starting", null);
    }

    void context(String name, ConfigurableApplicationContext context) {
        synchronized (this) {
            if (!closed) {
                contexts.put(name, context);
                return;
            }
        }
        stopContext(context, name); // finished starting after the stack was closed: a failed launch
    }

    void started(DemoData.Summary summary, Duration startupTime) {
        this.demoSummary = summary;
        this.startupTime = startupTime;
    }

    public StandaloneOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return options.gatewayUrl();
    }

    public String swaggerUiUrl() {
        return options.gatewayUrl() + "/swagger-ui.html";
    }

    public String authServerUrl() {
        return options.issuer();
    }

    /** Base URL of a service by name, e.g. {@code organization-service}. */
    public String serviceUrl(String service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no service " + service + "; known: " + servicePorts.keySet());
        }
        return "http://" + options.host() + ":" + port;
    }

    public Map<String, Integer> servicePorts() {
        return servicePorts;
    }

    public String kafkaBootstrapServers() {
        return options.kafkaBootstrapServers();
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    /** Ids of the demo organizations by {@link DemoDirectory} key (empty if the demo data was not loaded). */
    public DemoDirectory demo() {
        return directory;
    }

    /** What the demo data loader found, or null if it did not run. */
    public DemoData.Summary demoSummary() {
        return demoSummary;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** The Spring context of an application (e.g. {@code member-service}), for tests that need a bean. */
    public ConfigurableApplicationContext context(String name) {
        return contexts.get(name);
    }

    /** An access token of a demo user, by the authorization-code flow with PKCE of {@code party-portal}. */
    public String token(String user, String password) {
        return tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, user, password);
    }

    /** An access token of a demo user with the demo password. */
    public String token(String user) {
        return token(user, DemoAccounts.PASSWORD);
    }

    /** A fresh client-credentials token of {@code party-integration} (role ADMIN, org scope the demo committee once loaded). */
    public String integrationToken() {
        return tokens.clientCredentials(DemoAccounts.INTEGRATION_CLIENT, DemoAccounts.INTEGRATION_SECRET);
    }

    /**
     * Stops the Kafka broker (a fault for tests): the services keep running and keep their
     * events in the outbox until {@link #startKafka()} brings the broker back on the same port
     * and data folder.
     */
    public synchronized void stopKafka() {
        if (kafka != null) {
            stop("kafka", kafka::close);
            kafka = null;
        }
    }

    /** Starts the broker again on the same port and data folder after {@link #stopKafka()}. */
    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(options.dataDir().resolve("kafka"), options.host(), options.kafkaPort(),
                    options.kafkaControllerPort());
        }
    }

    /** Stops one application (a fault for tests, e.g. {@code member-service}); the others keep running. */
    public void stopService(String name) {
        ConfigurableApplicationContext context = contexts.remove(name);
        if (context == null) {
            throw new IllegalArgumentException("no running application " + name + "; running: " + contexts.keySet());
        }
        stop(name, context::close);
    }

    /**
     * Stops the gateway, then the services (together), the authorization server, Kafka and
     * MongoDB, in that order: nothing is stopped while something started after it still runs.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Map<String, ConfigurableApplicationContext> started;
        synchronized (contexts) {
            started = new LinkedHashMap<>(contexts);
        }
        stopContext(started.remove(GATEWAY), GATEWAY);
        ConfigurableApplicationContext authServer = started.remove(AUTH_SERVER);
        List<Thread> services = new ArrayList<>();
        started.forEach((name, context) -> services.add(Thread.ofPlatform().name("stop-" + name)
                .start(() -> stopContext(context, name))));
        services.forEach(RunningStack::join);
        stopContext(authServer, AUTH_SERVER);
        if (kafka != null) {
            stop("kafka", kafka::close);
        }
        if (mongo != null) {
            stop("mongodb", mongo::close);
        }
    }

    private static void stopContext(ConfigurableApplicationContext context, String name) {
        if (context != null) {
            stop(name, context::close);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(String name, Runnable close) {
        long start = System.nanoTime();
        try {
            close.run();
            log.info("Stopped {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Stopping {} failed: {}", name, e.toString());
        }
    }
}
