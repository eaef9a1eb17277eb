package party.standalone;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import party.assessment.AssessmentServiceApplication;
import party.gateway.GatewayApplication;
import party.member.MemberServiceApplication;
import party.organization.OrganizationServiceApplication;
import party.platform.mongo.EmbeddedMongo;
import party.standalone.auth.AuthorizationServerApplication;
import party.standalone.auth.DemoAccounts;
import party.standalone.demo.DemoData;
import party.training.TrainingServiceApplication;

/**
 * The whole platform in one JVM: a MongoDB-wire server, a Kafka broker (KRaft), the authorization
 * server, the four services and the gateway, each application its own Spring context on its own
 * port, talking real HTTP and Kafka; then the demo data, loaded through the gateway.
 */
public final class Standalone {

    private static final Logger log = LoggerFactory.getLogger(Standalone.class);

    private static final String AUTH_SERVER_AUTOCONFIG = "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.";
    private static final List<String> AUTHORIZATION_SERVER = List.of(
            AUTH_SERVER_AUTOCONFIG + "OAuth2AuthorizationServerAutoConfiguration",
            AUTH_SERVER_AUTOCONFIG + "OAuth2AuthorizationServerJwtAutoConfiguration");
    private static final List<String> MONGO_AND_KAFKA = List.of(
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration");
    private static final List<String> RESOURCE_SERVER = List.of(
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration");
    /**
     * Servlet apps must not create a Reactor Netty resource factory: it uses Netty's global
     * event loops and disposes them when its context closes, which would stop the gateway's
     * server and client the moment any one service is stopped.
     */
    private static final List<String> REACTOR_RESOURCES = List.of(
            "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration");
    /** The gateway is a Netty app: Tomcat (on the classpath for the others) must not serve it. */
    /**
     * The gateway as deployed carries no tracer (its image has no OpenTelemetry; it relays the
     * traceparent itself). Here the services' OpenTelemetry is on the one classpath: without these
     * exclusions the gateway would observe every request into spans nobody asked for, which cost
     * about a tenth of its CPU per proxied request.
     */
    private static final List<String> TRACING = List.of(
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration");

    private static final List<String> TOMCAT_REACTIVE = List.of(
            "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
            "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration");

    /** A service: name (also its config name), database, builder. */
    private record Service(String name, String database, Supplier<SpringApplicationBuilder> builder) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service(OrganizationServiceApplication.NAME, "organization", OrganizationServiceApplication::builder),
            new Service(MemberServiceApplication.NAME, "member", MemberServiceApplication::builder),
            new Service(AssessmentServiceApplication.NAME, "assessment", AssessmentServiceApplication::builder),
            new Service(TrainingServiceApplication.NAME, "training", TrainingServiceApplication::builder));

    private Standalone() {
    }

    public static void main(String[] args) {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ClassDataArchive.starting();
        // Registered before the start, so that Ctrl-C while starting also stops what is up already.
        AtomicReference<RunningStack> starting = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RunningStack running = starting.get();
            if (running != null) {
                long begin = System.nanoTime();
                System.out.println("Stopping the standalone stack ...");
                running.close();
                System.out.printf("Stopped in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            }
            if (ClassDataArchive.willBeWritten()) {
                System.out.println("Writing the class-data archive for a faster next start (first run only, a few seconds) ...");
            }
            Logging.stop();
        }, "standalone-shutdown"));
        RunningStack stack;
        try {
            stack = start(options, starting::set);
        } catch (StandaloneException e) {
            System.err.println();
            System.err.println("STANDALONE STACK DID NOT START: " + e.getMessage());
            System.err.println("(everything that had started was stopped again)");
            System.exit(1);
            return;
        }
        ClassDataArchive.ready();
        System.out.println(Banner.of(stack, ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    /**
     * Starts the stack and returns when it is ready: every application up, the demo data (if
     * asked for) loaded and its member counts visible.
     *
     * @throws StandaloneException if any part fails to start; whatever had started is stopped again
     */
    public static RunningStack start(StandaloneOptions options) {
        return start(options, stack -> { });
    }

    /** As {@link #start(StandaloneOptions)}; {@code created} receives the stack before its parts start, to close it from a shutdown hook. */
    static RunningStack start(StandaloneOptions options, Consumer<RunningStack> created) {
        long begin = System.nanoTime();
        if (options.configureLogging()) {
            Logging.configure();
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(OrganizationServiceApplication.NAME, options.organizationPort());
        ports.put(MemberServiceApplication.NAME, options.memberPort());
        ports.put(AssessmentServiceApplication.NAME, options.assessmentPort());
        ports.put(TrainingServiceApplication.NAME, options.trainingPort());
        DemoDirectory directory = new DemoDirectory();
        RunningStack stack = new RunningStack(options, directory, ports);
        created.accept(stack);
        ExecutorService starter = Executors.newFixedThreadPool(Integer.getInteger("party.standalone.parallelism", 2));
        try {
            String mongo = "MongoDB-wire server on " + options.host() + ":" + options.mongoPort();
            stack.mongo(step(mongo, () -> EmbeddedMongo.persistent(options.dataDir().resolve("mongo"), options.host(), options.mongoPort())));
            log.info(mongo);

            // Kafka and the authorization server need nothing from each other.
            Future<KafkaBroker> kafka = starter.submit(named("kafka", () -> KafkaBroker.start(options.dataDir().resolve("kafka"),
                    options.host(), options.kafkaPort(), options.kafkaControllerPort())));
            List<Future<?>> apps = new ArrayList<>();
            apps.add(starter.submit(named(AuthorizationServerApplication.NAME, () -> run(stack, authServer(options, directory)))));
            String broker = "Kafka broker on " + options.kafkaBootstrapServers();
            stack.kafka(await(broker, kafka));
            log.info(broker);

            for (Service service : SERVICES) {
                apps.add(starter.submit(named(service.name(), () -> run(stack, service(service, options, stack)))));
            }
            apps.add(starter.submit(named(GatewayApplication.NAME, () -> run(stack, gateway(options)))));
            for (Future<?> app : apps) {
                await("application", app);
            }

            DemoData.Summary summary = null;
            long demoStart = System.nanoTime();
            if (options.demoData()) {
                Path ids = options.dataDir().resolve("demo").resolve("organizations.properties");
                summary = step("demo data", () -> {
                    directory.load(ids);
                    DemoData.Summary loaded = new DemoData(URI.create(options.gatewayUrl()), directory, stack::integrationToken,
                            stack::token).load();
                    directory.save(ids);
                    return loaded;
                });
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - begin);
            log.info("Ready in {} ms (demo data {} ms)", startup.toMillis(), (System.nanoTime() - demoStart) / 1_000_000);
            stack.started(summary, startup);
            return stack;
        } catch (Exception e) { // also what libraries throw sneakily, e.g. a BindException from Netty
            starter.shutdownNow(); // interrupts the applications still starting
            awaitTermination(starter);
            stack.close();
            throw e instanceof StandaloneException se ? se : new StandaloneException(rootMessage(e), e);
        } finally {
            starter.shutdown();
        }
    }

    static SpringApp authServer(StandaloneOptions options, DemoDirectory directory) {
        Map<String, Object> properties = common(options.authPort());
        properties.put("party.auth.issuer", options.issuer());
        properties.put("party.auth.key-file", options.dataDir().resolve("auth").resolve("signing-key.json").toString());
        properties.put("party.auth.portal-redirect-uris",
                options.gatewayUrl() + "/swagger-ui/oauth2-redirect.html," + DemoAccounts.CLI_REDIRECT_URI);
        properties.put("party.auth.cors-origins", options.gatewayUrl() + ",http://127.0.0.1:" + options.gatewayPort());
        List<String> exclusions = new ArrayList<>(MONGO_AND_KAFKA);
        exclusions.addAll(RESOURCE_SERVER);
        exclusions.addAll(REACTOR_RESOURCES);
        return new SpringApp(AuthorizationServerApplication.NAME, AuthorizationServerApplication.builder(directory), properties, exclusions);
    }

    private static SpringApp service(Service service, StandaloneOptions options, RunningStack stack) {
        Map<String, Object> properties = common(stack.servicePorts().get(service.name()));
        properties.put("spring.mongodb.uri", stack.mongoUri(service.database()));
        properties.put("spring.kafka.bootstrap-servers", options.kafkaBootstrapServers());
        // One instance of each service: its own start and failures trigger the sweep's scans; the
        // periodic one (a collection scan on the embedded server) is only a rare safety net here.
        properties.put("party.events.full-scan-every", "15m");
        if (service.name().equals(TrainingServiceApplication.NAME)) {
            // With the rest of the stack's data, so that it goes when the data directory does.
            properties.put("party.training.video.cache-dir", options.dataDir().resolve("training-video-cache").toString());
        }
        resourceServer(properties, options);
        List<String> exclusions = new ArrayList<>(AUTHORIZATION_SERVER);
        exclusions.addAll(REACTOR_RESOURCES);
        return new SpringApp(service.name(), service.builder().get(), properties, exclusions);
    }

    private static SpringApp gateway(StandaloneOptions options) {
        Map<String, Object> properties = common(options.gatewayPort());
        properties.remove("spring.cloud.gateway.server.webflux.enabled");
        properties.put("ORGANIZATION_SERVICE_URI", "http://" + options.host() + ":" + options.organizationPort());
        properties.put("MEMBER_SERVICE_URI", "http://" + options.host() + ":" + options.memberPort());
        properties.put("ASSESSMENT_SERVICE_URI", "http://" + options.host() + ":" + options.assessmentPort());
        properties.put("TRAINING_SERVICE_URI", "http://" + options.host() + ":" + options.trainingPort());
        // Netty's default 2 s quiet period would only delay Ctrl-C.
        properties.put("spring.reactor.netty.shutdown-quiet-period", "100ms");
        resourceServer(properties, options);
        List<String> exclusions = new ArrayList<>(MONGO_AND_KAFKA);
        exclusions.addAll(AUTHORIZATION_SERVER);
        exclusions.addAll(TOMCAT_REACTIVE);
        exclusions.addAll(TRACING);
        return new SpringApp(GatewayApplication.NAME, GatewayApplication.builder().web(WebApplicationType.REACTIVE), properties, exclusions);
    }

    private static Map<String, Object> common(int port) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("spring.jmx.enabled", false);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
        properties.put("spring.cloud.gateway.server.webflux.enabled", false);
        properties.put("server.tomcat.threads.min-spare", 2);
        return properties;
    }

    private static void resourceServer(Map<String, Object> properties, StandaloneOptions options) {
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", options.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", options.issuer() + "/oauth2/jwks");
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", DemoAccounts.AUDIENCE);
    }

    private static Void run(RunningStack stack, SpringApp app) {
        long start = System.nanoTime();
        try {
            stack.context(app.name(), app.run());
        } catch (Exception e) {
            String reason = root(e) instanceof java.net.BindException
                    ? "port " + app.overrides().get("server.port") + " is already in use" : rootMessage(e);
            throw new StandaloneException(app.name() + " failed to start: " + reason, e);
        }
        log.info("{} up on port {} in {} ms", app.name(), app.overrides().get("server.port"), (System.nanoTime() - start) / 1_000_000);
        return null;
    }

    private static <T> java.util.concurrent.Callable<T> named(String name, java.util.concurrent.Callable<T> task) {
        return () -> {
            Thread thread = Thread.currentThread();
            String previous = thread.getName();
            thread.setName(name);
            try {
                return task.call();
            } finally {
                thread.setName(previous);
            }
        };
    }

    private static <T> T step(String name, Supplier<T> action) {
        try {
            return action.get();
        } catch (StandaloneException e) {
            throw e;
        } catch (Exception e) {
            throw new StandaloneException(name + " failed: " + rootMessage(e), e);
        }
    }

    private static <T> T await(String name, Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StandaloneException se) {
                throw se;
            }
            throw new StandaloneException(name + " failed to start: " + rootMessage(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandaloneException("interrupted while starting " + name, e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = root(e);
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void awaitTermination(ExecutorService starter) {
        try {
            if (!starter.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("Applications still starting after 60 s; stopping the rest anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
