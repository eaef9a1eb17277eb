package party.assessment.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import party.assessment.it.IntegrationTest;

/**
 * The Kafka listeners' meter {@code spring.kafka.listener} comes from the record listeners'
 * observations only: a batch container's plain timer carries other tag keys, and Prometheus then
 * refused the observations' meters (their dashboards went blank).
 */
class ListenerMetersIT extends IntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void noListenerContainerRegistersThePlainTimer() {
        // A record through a batch container first: its plain timer would register on it.
        String member = java.util.UUID.randomUUID().toString();
        publishAll(List.of(MetricsIT.event("party.member", "party.member.registered.v1", member, MetricsIT.body("memberId",
                member, "orgId", "org-meters", "status", "FULL", "registeredAt", "2023-01-10T02:00:00.000Z", "version", 0))));
        awaitRoster(List.of(member));

        java.util.Collection<Meter> meters = registry.find("spring.kafka.listener").meters();
        assertThat(meters).as("the plain timer tags its meters with name/result/exception")
                .noneMatch(m -> m.getId().getTag("result") != null);
    }
}
