package party.organization.membercount;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.Inbox;
import party.platform.events.IncomingEvent;

/** Member events that move the counts and rosters: registrations and status changes and transfers. */
@Component
class MemberEventListener {

    static final String REGISTERED = "party.member.registered.v1";
    static final String STATUS_CHANGED = "party.member.status-changed.v1";
    /** A member moved to another branch, or out of the system (no orgId): the entry follows. */
    static final String TRANSFERRED = "party.member.transferred.v1";

    private final MemberCountService counts;
    private final Inbox inbox;

    MemberEventListener(MemberCountService counts, Inbox inbox) {
        this.counts = counts;
        this.inbox = inbox;
    }

    @KafkaListener(id = "organization-service-members", topics = "party.member",
            containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (REGISTERED.equals(event.type())) {
            inbox.handle("member-counts", event, () -> counts.apply(event, "status"));
        } else if (TRANSFERRED.equals(event.type())) {
            inbox.handle("member-counts", event, () -> counts.apply(event, "status"));
        } else if (STATUS_CHANGED.equals(event.type())) {
            inbox.handle("member-counts", event, () -> counts.apply(event, "to"));
        }
    }
}
