package party.training.roster;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;
import party.platform.events.TraceContext;

/**
 * Keeps the roster from member-service: {@code registered.v1}, {@code status-changed.v1},
 * {@code transferred.v1} (orgId null: the member left this system). The version guard alone makes
 * a redelivery change nothing.
 */
@Component
class RosterListener {

    static final String CONSUMER = "training-service-roster";

    private final Roster roster;

    RosterListener(Roster roster) {
        this.roster = roster;
    }

    @KafkaListener(id = CONSUMER, topics = "party.member", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case "party.member.registered.v1" -> TraceContext.within(event.traceparent(), () -> roster.apply(
                    new RosterMember(event.text("memberId"), event.text("orgId"), event.text("status"), event.number("version"))));
            case "party.member.status-changed.v1" -> TraceContext.within(event.traceparent(), () -> roster.apply(
                    new RosterMember(event.text("memberId"), event.text("orgId"), event.text("to"), event.number("version"))));
            case "party.member.transferred.v1" -> {
                String orgId = event.data().path("orgId").isString() ? event.data().path("orgId").asString() : null;
                String status = event.data().path("status").isString() ? event.data().path("status").asString() : null;
                TraceContext.within(event.traceparent(), () -> roster.applyBranch(event.text("memberId"), orgId, status,
                        event.number("version")));
            }
            default -> {
                // other member events are not the roster's business
            }
        }
    }
}
