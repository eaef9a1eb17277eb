package party.training.roster;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;
import party.platform.events.TraceContext;

/** Keeps {@link Leaders} from {@code party.organization.leadership-changed.v1}; other events are ignored. */
@Component
class LeadershipListener {

    static final String CONSUMER = "training-service-leadership";
    static final String TYPE = "party.organization.leadership-changed.v1";

    private final Leaders leaders;

    LeadershipListener(Leaders leaders) {
        this.leaders = leaders;
    }

    @KafkaListener(id = CONSUMER, topics = "party.organization", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!TYPE.equals(event.type())) {
            return;
        }
        String orgId = event.text("orgId");
        long version = event.number("version");
        List<String> holders = new ArrayList<>();
        event.data().path("roles").forEach(role -> {
            if (role.path("memberId").isString() && !role.path("memberId").asString().isBlank()) {
                holders.add(role.path("memberId").asString());
            }
        });
        TraceContext.within(event.traceparent(), () -> leaders.apply(orgId, holders, version));
    }
}
