package party.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import party.platform.events.OutboxRelay;

class OutboxBacklogMetricsTest {

    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Gauge bind() {
        new OutboxBacklogMetrics(relay).bindTo(registry);
        return registry.get("party.outbox.backlog.events").gauge();
    }

    @Test
    void reportsTheRelaysBacklog() {
        when(relay.backlog()).thenReturn(7L);
        assertThat(bind().value()).isEqualTo(7.0);
    }

    @Test
    void scrapesWithinTheRefreshPeriodDoNotScanAgain() {
        when(relay.backlog()).thenReturn(3L, 9L);
        Gauge gauge = bind();
        assertThat(gauge.value()).isEqualTo(3.0);
        assertThat(gauge.value()).isEqualTo(3.0);
        verify(relay, times(1)).backlog();
    }

    @Test
    void aDatabaseFaultKeepsTheLastValue() {
        when(relay.backlog()).thenThrow(new IllegalStateException("MongoDB away"));
        assertThat(bind().value()).isZero();
    }
}
