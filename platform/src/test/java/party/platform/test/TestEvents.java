package party.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import party.platform.events.CloudEvents;
import party.platform.events.TraceContext;

/** Produces and reads real CloudEvents records on the test broker, as another service would. */
public final class TestEvents {

    private final String brokers;

    public TestEvents(String brokers) {
        this.brokers = brokers;
    }

    /** Sends one event as another service would publish it; returns its {@code ce_id}. */
    public String send(String topic, String type, String subject, String json) {
        return send(topic, type, subject, json, UUID.randomUUID().toString());
    }

    public String send(String topic, String type, String subject, String json, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
        add(record, CloudEvents.SPEC_VERSION, "1.0");
        add(record, CloudEvents.ID, eventId);
        add(record, CloudEvents.TYPE, type);
        add(record, CloudEvents.SOURCE, "/test");
        add(record, CloudEvents.SUBJECT, subject);
        add(record, CloudEvents.TIME, Instant.now().toString());
        add(record, TraceContext.HEADER, TraceContext.generate());
        return sendRaw(record) ? eventId : null;
    }

    /** Sends a record exactly as given (for poison records). */
    public boolean sendRaw(ProducerRecord<String, String> record) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("could not send test record", e);
        }
    }

    /** Reads the topic from the beginning until a record matches, or fails after the timeout. */
    public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = readUntil(topic, match, timeout);
        return found.stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("no matching record on " + topic + " within " + timeout));
    }

    /** All records of a topic that are there now (reads until no more arrive for a moment). */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readUntil(topic, r -> false, Duration.ofSeconds(3));
    }

    private List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                           Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (match.test(record)) {
                        return records;
                    }
                }
            }
        }
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
