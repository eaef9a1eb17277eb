package party.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import party.platform.test.TcpForwarder;
import party.platform.test.TestMongo;

/**
 * The outbox against a real broker and MongoDB: while the broker is away, saves succeed and their
 * events wait in the documents; once it is back, the sweep delivers every one of them, with
 * CloudEvents headers, and the documents are emptied.
 */
class OutboxRelayIT {

    private static final String TOPIC = "party.test";

    @Document("widgets")
    static class Widget extends Aggregate {
        String name;

        static Widget named(String name) {
            Widget widget = new Widget();
            widget.name = name;
            widget.raise("party.test.widget-made.v1", Map.of("name", name));
            return widget;
        }
    }

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestMongo.uri("outbox-" + UUID.randomUUID())),
            "outbox");
    private EmbeddedKafkaKraftBroker broker;
    private OutboxRelay relay;
    private TcpForwarder forwarder;

    @AfterEach
    void stop() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (forwarder != null) {
            forwarder.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownAreDeliveredWhenItReturns() throws Exception {
        int port = freePort();
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                EventsConfiguration.producerConfig(List.of("127.0.0.1:" + port))));
        EventPublisher publisher = new EventPublisher(kafka, EventsConfiguration.brokerBreaker(), TOPIC, "/test", 7000);
        relay = new OutboxRelay(mongo, publisher, Set.of("widgets"), Duration.ZERO);
        AggregateStore store = new AggregateStore(mongo, relay);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.save(Widget.named("w" + i)).getId());
        }
        // Every save succeeded while no broker listens; the events wait in their documents.
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 5 && !publisher.available());
        assertThat(mongo.findAll(Widget.class)).hasSize(5).allSatisfy(w -> assertThat(w.getPendingEvents()).hasSize(1));

        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
        int brokerPort = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
        forwarder = new TcpForwarder(port, brokerPort);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            relay.sweep();
            return relay.backlog() == 0;
        });
        List<ConsumerRecord<String, String>> records = readAll(broker.getBrokersAsString(), 5);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        ConsumerRecord<String, String> first = records.getFirst();
        assertThat(header(first, CloudEvents.TYPE)).isEqualTo("party.test.widget-made.v1");
        assertThat(header(first, CloudEvents.SOURCE)).isEqualTo("/test");
        assertThat(header(first, CloudEvents.SUBJECT)).isEqualTo(first.key());
        assertThat(header(first, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TraceContext.isValid(header(first, TraceContext.HEADER))).isTrue();
        assertThat(first.value()).startsWith("{\"name\":\"w");
        assertThat(records).extracting(r -> header(r, CloudEvents.ID)).doesNotHaveDuplicates();
    }

    @Test
    void anEventIsPublishedRightAfterTheSaveAndRemovedFromItsDocument() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                EventsConfiguration.producerConfig(List.of(broker.getBrokersAsString()))));
        relay = new OutboxRelay(mongo, new EventPublisher(kafka, EventsConfiguration.brokerBreaker(), TOPIC, "/test", 7000),
                Set.of("widgets"), Duration.ofHours(1));
        Widget saved = new AggregateStore(mongo, relay).save(Widget.named("quick"));

        // The sweep's grace is an hour here, so only the immediate relay can have sent it.
        List<ConsumerRecord<String, String>> records = readAll(broker.getBrokersAsString(), 1);
        assertThat(records.getFirst().key()).isEqualTo(saved.getId());
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(saved.getId(), Widget.class).getPendingEvents().isEmpty());
    }

    private static List<ConsumerRecord<String, String>> readAll(String brokers, int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
