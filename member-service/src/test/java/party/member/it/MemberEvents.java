package party.member.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything member-service publishes on {@code party.member} during the test run (records whose
 * {@code ce_source} is {@code /member-service}), read by one background consumer started on first use. Delivery is at least once, so tests that count
 * events dedupe on {@code ce_id}.
 */
public final class MemberEvents {

    private static final List<ConsumerRecord<String, String>> PUBLISHED = new CopyOnWriteArrayList<>();
    private static Thread collector;

    private MemberEvents() {
    }

    /** The records read so far (a live list: it keeps growing). */
    public static synchronized List<ConsumerRecord<String, String>> published(String brokers) {
        if (collector == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "member-it-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of("party.member"));
            Thread thread = new Thread(() -> {
                try (consumer) {
                    while (!Thread.currentThread().isInterrupted()) {
                        // Only what the service published: tests also inject records (a poison one).
                        consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                            var source = r.headers().lastHeader(party.platform.events.CloudEvents.SOURCE);
                            if (source != null && "/member-service".equals(new String(source.value(),
                                    java.nio.charset.StandardCharsets.UTF_8))) {
                                PUBLISHED.add(r);
                            }
                        });
                    }
                } catch (org.apache.kafka.common.KafkaException stopped) {
                    // broker gone at the end of the run
                }
            }, "member-it-events");
            thread.setDaemon(true);
            thread.start();
            collector = thread;
        }
        return PUBLISHED;
    }

    /**
     * Waits until a consumer group of the service has committed every record now on
     * {@code party.member}: for tests that must not race a listener still applying earlier events.
     */
    public static void awaitConsumed(String brokers, String groupId) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(List.of("party.member")).allTopicNames().get().get("party.member")
                        .partitions().stream().map(p -> new org.apache.kafka.common.TopicPartition("party.member", p.partition()))
                        .toList();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                partitions.forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset()));
            });
        }
    }
}
