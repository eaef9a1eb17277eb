package party.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire server (mongo-java-server) used by tests and the standalone stack.
 * It speaks the real wire protocol, so services use the ordinary driver against it; it has no
 * transactions, which is why every aggregate change is a single-document write.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** System property: megabytes of H2 page cache of the persistent server (default 32). */
    public static final String CACHE_PROPERTY = "party.embedded-mongo.cache-mb";

    /** System property: megabytes of changes the persistent server holds before storing them early (default 8). */
    public static final String COMMIT_BUFFER_PROPERTY = "party.embedded-mongo.commit-buffer-mb";
    private static final int DEFAULT_COMMIT_BUFFER_MB = 8;

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoBackend backend, String host, int port) {
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    /** In memory, on a free port: for tests. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), "127.0.0.1", 0);
    }

    /** Kept in one H2 file under {@code dataDir}, so data survives restarts: for the standalone stack. */
    public static EmbeddedMongo persistent(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create MongoDB data folder " + dataDir, e);
        }
        return new EmbeddedMongo(new FastH2Backend(dataDir.resolve("mongo.mv").toString(),
                Integer.getInteger(CACHE_PROPERTY, 32), Integer.getInteger(COMMIT_BUFFER_PROPERTY, DEFAULT_COMMIT_BUFFER_MB)),
                host, port);
    }

    /** Connection string for a database on this server. */
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
