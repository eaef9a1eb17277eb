package party.assessment.it;

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
 * Everything assessment-service publishes on {@code party.assessment} during the test run, read by one
 * background consumer started on first use. Delivery is at least once: tests that count dedupe on ce_id.
 */
public final class AssessmentEvents {

    private static final List<ConsumerRecord<String, String>> PUBLISHED = new CopyOnWriteArrayList<>();
    private static Thread collector;

    private AssessmentEvents() {
    }

    public static synchronized List<ConsumerRecord<String, String>> published(String brokers) {
        if (collector == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "assessment-it-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of("party.assessment"));
            Thread thread = new Thread(() -> {
                try (consumer) {
                    while (!Thread.currentThread().isInterrupted()) {
                        consumer.poll(Duration.ofMillis(100)).forEach(PUBLISHED::add);
                    }
                } catch (org.apache.kafka.common.KafkaException stopped) {
                    // broker gone at the end of the run
                }
            }, "assessment-it-events");
            thread.setDaemon(true);
            thread.start();
            collector = thread;
        }
        return PUBLISHED;
    }
}
