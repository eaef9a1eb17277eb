package party.platform.events;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends pending events to the service's topic as CloudEvents in binary mode. Every broker call is
 * guarded by a circuit breaker so that, while the broker is away, the relay and the sweep back off
 * instead of blocking threads on every attempt; the events stay pending in their documents.
 */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final CircuitBreaker breaker;
    private final String topic;
    private final String source;
    private final long sendTimeoutMillis;

    public EventPublisher(KafkaTemplate<String, String> kafka, CircuitBreaker breaker, String topic, String source,
                          long sendTimeoutMillis) {
        this.kafka = kafka;
        this.breaker = breaker;
        this.topic = topic;
        this.source = source;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    public String topic() {
        return topic;
    }

    /**
     * Publishes the events in order and waits for the broker's acknowledgement (acks=all).
     *
     * @return the ids of the events the broker acknowledged, a prefix of {@code events}
     */
    public List<String> publish(List<PendingEvent> events) {
        return breaker.executeSupplier(() -> sendAll(events));
    }

    /** True while the breaker lets calls through; the sweep skips its round otherwise. */
    public boolean available() {
        return breaker.tryAcquirePermission() && release();
    }

    private boolean release() {
        breaker.releasePermission();
        return true;
    }

    private List<String> sendAll(List<PendingEvent> events) {
        List<CompletableFuture<?>> sends = events.stream()
                .<CompletableFuture<?>>map(event -> kafka.send(record(event)))
                .toList();
        try {
            for (CompletableFuture<?> send : sends) {
                send.get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new EventPublishingException("broker did not acknowledge events on " + topic, e);
        }
        return events.stream().map(PendingEvent::eventId).toList();
    }

    ProducerRecord<String, String> record(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.data());
        header(record, CloudEvents.SPEC_VERSION, "1.0");
        header(record, CloudEvents.ID, event.eventId());
        header(record, CloudEvents.TYPE, event.type());
        header(record, CloudEvents.SOURCE, source);
        header(record, CloudEvents.SUBJECT, event.subject());
        header(record, CloudEvents.TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        header(record, CloudEvents.CONTENT_TYPE, "application/json");
        if (event.traceparent() != null) {
            header(record, TraceContext.HEADER, event.traceparent());
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The broker did not take the events; they stay pending and the sweep retries. */
    public static class EventPublishingException extends RuntimeException {
        public EventPublishingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
