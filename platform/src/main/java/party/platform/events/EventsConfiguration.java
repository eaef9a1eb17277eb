package party.platform.events;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import party.platform.PlatformProperties;

/**
 * Kafka wiring shared by every service: the event producer (idempotent, acks=all), the outbox
 * relay and sweep, the inbox, and listener containers whose failures are retried a bounded number
 * of times with backoff and then parked in {@code <topic>.dlt}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
public class EventsConfiguration {

    /** Name of the listener container factory every event listener uses. */
    public static final String LISTENER_FACTORY = "eventListenerFactory";
    /** Container factory of listeners taking a batch of records; see {@link #eventBatchListenerFactory}. */
    public static final String BATCH_LISTENER_FACTORY = "eventBatchListenerFactory";

    @Bean
    KafkaTemplate<String, String> eventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = producerConfig(kafka.getBootstrapServers());
        // spring.kafka.properties: what every client needs, e.g. SASL credentials on Kubernetes.
        config.putAll(kafka.getProperties());
        config.putAll(kafka.getProducer().getProperties());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** Idempotent, acks=all, and quick to give up while the broker is away (the outbox keeps the events). */
    public static Map<String, Object> producerConfig(List<String> bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000);
        return config;
    }

    /** Opens after half of the last few sends failed; while open, the relay and sweep skip the broker. */
    public static CircuitBreaker brokerBreaker() {
        return CircuitBreaker.of("kafka-broker", CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    @Bean
    CircuitBreaker brokerCircuitBreaker() {
        return brokerBreaker();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, String> eventKafkaTemplate, CircuitBreaker brokerCircuitBreaker,
                                  PlatformProperties properties, @Value("${spring.application.name}") String application) {
        PlatformProperties.Events events = properties.events();
        String source = events.source() == null ? "/" + application : events.source();
        return new EventPublisher(eventKafkaTemplate, brokerCircuitBreaker, events.topic(), source, 7000);
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, MongoMappingContext mapping,
                            PlatformProperties properties) {
        Set<String> collections = new LinkedHashSet<>();
        mapping.getPersistentEntities().stream()
                .filter(entity -> Aggregate.class.isAssignableFrom(entity.getType()))
                .forEach(entity -> collections.add(entity.getCollection()));
        return new OutboxRelay(mongo, publisher, collections, properties.events().sweepGrace(),
                properties.events().fullScanEvery());
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore(mongo, relay);
    }

    @Bean
    Inbox inbox(MongoTemplate mongo) {
        return new Inbox(mongo);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> eventListenerFactory(
            KafkaProperties kafka, KafkaTemplate<String, String> eventKafkaTemplate,
            @Value("${spring.application.name}") String application) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumerConfig(kafka, application)));
        // A consumer span joins the trace of the traceparent header the relay wrote (when tracing is on).
        factory.getContainerProperties().setObservationEnabled(true);
        factory.setCommonErrorHandler(errorHandler(eventKafkaTemplate));
        return factory;
    }

    /**
     * For projections that apply many events with one database round trip: the listener takes a
     * {@code List<ConsumerRecord>} of up to {@code max.poll.records}. A failure retries the whole
     * batch (its effects must be idempotent), then sends its records to the DLT.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> eventBatchListenerFactory(
            KafkaProperties kafka, KafkaTemplate<String, String> eventKafkaTemplate,
            @Value("${spring.application.name}") String application) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumerConfig(kafka, application)));
        factory.setBatchListener(true);
        // The record listeners' observations own the spring.kafka.listener meter; its plain timer,
        // with other tag keys, would clash with them in the Prometheus registry.
        factory.getContainerProperties().setMicrometerEnabled(false);
        factory.setCommonErrorHandler(errorHandler(eventKafkaTemplate));
        return factory;
    }

    private static Map<String, Object> consumerConfig(KafkaProperties kafka, String application) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, application);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(kafka.getProperties());
        config.putAll(kafka.getConsumer().getProperties());
        return config;
    }

    /** Bounded retries with backoff, then the DLT; poison records go to the DLT at once. */
    static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + DltAdmin.SUFFIX, -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, IllegalArgumentException.class);
        return handler;
    }

    /** The own topic, its DLT, and the DLTs of consumed topics (KafkaAdmin creates what is missing). */
    @Bean
    KafkaAdmin.NewTopics eventTopics(PlatformProperties properties) {
        PlatformProperties.Events events = properties.events();
        List<NewTopic> topics = new ArrayList<>();
        if (events.topic() != null) {
            topics.add(topic(events.topic(), events.partitions()));
            topics.add(topic(events.topic() + DltAdmin.SUFFIX, 1));
        }
        for (String consumed : events.consumes()) {
            topics.add(topic(consumed, events.partitions()));
            topics.add(topic(consumed + DltAdmin.SUFFIX, 1));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** The replication factor is the broker's default: 1 standalone, 3 on the production cluster. */
    private static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, java.util.Optional.of(partitions), java.util.Optional.empty());
    }

    @Bean
    DltAdmin dltAdmin(KafkaProperties kafka, KafkaTemplate<String, String> eventKafkaTemplate, PlatformProperties properties,
                      @Value("${spring.application.name}") String application) {
        return new DltAdmin(kafka.getBootstrapServers(), eventKafkaTemplate, properties.events().consumes(), application,
                kafka.getProperties());
    }
}
