package party.organization.membercount;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.Inbox;
import party.platform.events.IncomingEvent;

/** Member events that move the counts: registrations now; status changes and transfers later. */
@Component
class MemberEventListener {

    static final String REGISTERED = "party.member.registered.v1";

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
            inbox.handle("member-counts", event, () -> counts.apply(event));
        }
    }
}
