package party.platform.scheduling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import party.platform.events.OutboxRelay;
import party.platform.metrics.OutboxBacklogMetrics;

/** What running N replicas of a service needs: job leases, and the outbox backlog as a metric. */
@Configuration(proxyBeanMethods = false)
public class ReplicaConfiguration {

    @Bean
    LeaseLock leaseLock(MongoTemplate mongo) {
        return new LeaseLock(mongo);
    }

    @Bean
    OutboxBacklogMetrics outboxBacklogMetrics(OutboxRelay relay) {
        return new OutboxBacklogMetrics(relay);
    }
}
