package party.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import party.platform.events.OutboxRelay;

/**
 * {@code party.outbox.backlog.events} (Prometheus: {@code party_outbox_backlog_events}): events
 * written but not yet published. Counting them scans the aggregate collections, so a scrape reads
 * a value at most {@link #REFRESH} old instead of scanning at every scrape. Every replica reports
 * the same database-wide number; dashboards and alerts take the max per service.
 */
public class OutboxBacklogMetrics implements MeterBinder {

    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(OutboxBacklogMetrics.class);

    private final OutboxRelay relay;
    private final AtomicLong value = new AtomicLong();
    private volatile long refreshedAt = Long.MIN_VALUE;

    public OutboxBacklogMetrics(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("party.outbox.backlog.events", this, OutboxBacklogMetrics::current)
                .description("Events kept in aggregate documents that the outbox relay has not published yet")
                .register(registry);
    }

    double current() {
        long now = System.nanoTime();
        if (refreshedAt == Long.MIN_VALUE || now - refreshedAt >= REFRESH.toNanos()) {
            refreshedAt = now;
            try {
                value.set(relay.backlog());
            } catch (RuntimeException e) {
                // MongoDB unreachable: keep the last value; the health check reports the outage.
                log.debug("outbox backlog not counted: {}", e.toString());
            }
        }
        return value.get();
    }
}
