package party.standalone;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, node 1) running in this JVM.
 * Its log directory is formatted on the first start only, so topics, offsets and events survive
 * restarts on the same data directory.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code logDir} if it holds no Kafka storage yet, then starts the broker and returns
     * once it is unfenced and serving.
     */
    public static KafkaBroker start(Path logDir, String host, int port, int controllerPort) {
        Path dir = logDir.toAbsolutePath();
        Map<String, String> properties = properties(dir, host, port, controllerPort);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + dir, e);
        }
        Properties props = new Properties();
        props.putAll(properties);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Kafka broker did not start on " + host + ":" + port + " (port taken?)", e);
        }
        return new KafkaBroker(server, host + ":" + port);
    }

    private static void format(Path dir) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        log.info("Formatting Kafka storage in {} (cluster id {})", dir, clusterId);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(clusterId)
                .setNodeId(NODE_ID)
                .setControllerListenerName(CONTROLLER)
                .setMetadataLogDirectory(dir.toString())
                .addDirectory(dir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
    }

    static Map<String, String> properties(Path dir, String host, int port, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER + "://" + host + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", dir.toString()),
                Map.entry("metadata.log.dir", dir.toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                // Consumers of a fresh group start at once instead of waiting 3 s for more members.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Small footprint: few threads, small segments and indexes, a tiny cleaner buffer.
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("num.replica.fetchers", "1"),
                Map.entry("log.cleaner.threads", "1"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)),
                Map.entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
                Map.entry("log.index.size.max.bytes", String.valueOf(1024 * 1024)),
                Map.entry("log.retention.hours", "168"),
                Map.entry("queued.max.requests", "100"),
                Map.entry("socket.request.max.bytes", String.valueOf(16 * 1024 * 1024)),
                Map.entry("metadata.log.segment.bytes", String.valueOf(8 * 1024 * 1024)));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker (controlled shutdown) and waits until its threads and files are released. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
