package party.platform.test;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;
import party.platform.mongo.EmbeddedMongo;

/**
 * The MongoDB of integration tests: a real {@code mongo:8} replica set from Testcontainers where a
 * Docker engine can supply it, else the embedded wire server. One per test JVM; the same tests run
 * on both.
 */
public final class TestMongo {

    private static final Logger log = LoggerFactory.getLogger(TestMongo.class);
    private static Function<String, String> uris;

    private TestMongo() {
    }

    /** Connection string for a database, e.g. {@code uri("member")}. */
    public static synchronized String uri(String database) {
        if (uris == null) {
            uris = start();
        }
        return uris.apply(database);
    }

    private static Function<String, String> start() {
        if (!"embedded".equals(System.getProperty("party.test.mongo")) && dockerAvailable()) {
            try {
                MongoDBContainer container = new MongoDBContainer("mongo:8");
                container.start();
                log.info("tests use a mongo:8 replica set from Testcontainers");
                return container::getReplicaSetUrl;
            } catch (RuntimeException e) {
                log.warn("Docker is present but mongo:8 could not start ({}); using the embedded server", e.toString());
            }
        }
        EmbeddedMongo embedded = EmbeddedMongo.inMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        log.info("tests use the embedded MongoDB-wire server on port {}", embedded.port());
        return embedded::uri;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
