package party.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Lists the dead letters of this service's consumers and replays one. Dead letters of all
 * consumer groups of a topic share {@code <topic>.dlt}; a service sees only those its own group
 * groups parked (the {@code kafka_dlt-original-consumer-group} header; groups are named
 * {@code <service>-<purpose>}).
 */
public class DltAdmin {

    public static final String SUFFIX = ".dlt";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final KafkaTemplate<String, String> template;
    private final List<String> consumedTopics;
    private final String group;
    /** spring.kafka.properties (e.g. SASL credentials on Kubernetes), applied to the admin's own consumer too. */
    private final Map<String, String> clientProperties;

    public DltAdmin(List<String> bootstrapServers, KafkaTemplate<String, String> template, List<String> consumedTopics,
                    String group) {
        this(bootstrapServers, template, consumedTopics, group, Map.of());
    }

    public DltAdmin(List<String> bootstrapServers, KafkaTemplate<String, String> template, List<String> consumedTopics,
                    String group, Map<String, String> clientProperties) {
        this.bootstrapServers = String.join(",", bootstrapServers);
        this.template = template;
        this.consumedTopics = consumedTopics;
        this.group = group;
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /** A parked record and why it was parked. */
    public record DeadLetter(String dltTopic, int partition, long offset, Instant parkedAt, String originalTopic,
                             Integer originalPartition, Long originalOffset, String eventId, String eventType,
                             String key, String exception, String value) {
    }

    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : consumedTopics) {
                for (ConsumerRecord<String, String> record : readAll(consumer, topic + SUFFIX)) {
                    if (ours(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        letters.add(letter(record));
                    }
                }
            }
        }
        return letters;
    }

    /**
     * Sends a parked record back to its original topic with its original key and CloudEvents
     * headers; consumers that handled it already dedupe on its id.
     *
     * @return the replayed letter, or null when no such record of this service exists
     */
    public DeadLetter replay(String dltTopic, int partition, long offset) {
        if (!dltTopic.endsWith(SUFFIX) || !consumedTopics.contains(dltTopic.substring(0, dltTopic.length() - SUFFIX.length()))) {
            return null;
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(dltTopic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset && ours(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        DeadLetter letter = letter(record);
                        ProducerRecord<String, String> again = new ProducerRecord<>(letter.originalTopic(), record.key(), record.value());
                        for (Header header : record.headers()) {
                            if (!header.key().startsWith("kafka_dlt")) {
                                again.headers().add(header);
                            }
                        }
                        try {
                            template.send(again).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (Exception e) {
                            throw new EventPublisher.EventPublishingException("replay to " + letter.originalTopic() + " failed", e);
                        }
                        return letter;
                    }
                    if (record.offset() >= offset) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** Listener ids are consumer group ids, named {@code <service>-<purpose>}. */
    private boolean ours(String consumerGroup) {
        return consumerGroup != null && (consumerGroup.equals(group) || consumerGroup.startsWith(group + "-"));
    }

    private List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (partitions == null || partitions.isEmpty()) {
            return records;
        }
        List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        Map<TopicPartition, Long> end = consumer.endOffsets(tps, READ_TIMEOUT);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-dlt-admin-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static DeadLetter letter(ConsumerRecord<String, String> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                header(record, CloudEvents.ID), header(record, CloudEvents.TYPE), record.key(),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), record.value());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The recoverer writes partition and offset as big-endian binary numbers. */
    private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 4 ? null : java.nio.ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 8 ? null : java.nio.ByteBuffer.wrap(header.value()).getLong();
    }
}
