package party.organization.membercount;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;

/**
 * Member events that move the counts and rosters: registrations and status changes and transfers,
 * applied a poll's batch at a time (a registration burst of a million members is one read and
 * one bulk write per batch, not four round trips per event). Idempotent by the member's version,
 * so redeliveries need no inbox.
 */
@Component
class MemberEventListener {

    static final String REGISTERED = "party.member.registered.v1";
    static final String STATUS_CHANGED = "party.member.status-changed.v1";
    /** A member moved to another branch, or out of the system (no orgId): the entry follows. */
    static final String TRANSFERRED = "party.member.transferred.v1";

    private final MemberCountService counts;

    MemberEventListener(MemberCountService counts) {
        this.counts = counts;
    }

    @KafkaListener(id = "organization-service-members", topics = "party.member",
            containerFactory = EventsConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, String>> records) {
        List<MemberEntry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            IncomingEvent event;
            try {
                event = IncomingEvent.from(records.get(i));
                String statusField = STATUS_CHANGED.equals(event.type()) ? "to"
                        : REGISTERED.equals(event.type()) || TRANSFERRED.equals(event.type()) ? "status" : null;
                if (statusField != null) {
                    entries.add(MemberCountService.entry(event, statusField));
                }
            } catch (RuntimeException poison) {
                // The records before it are applied and committed; this one goes to the DLT.
                counts.applyAll(entries);
                throw new BatchListenerFailedException("unreadable member event: " + poison.getMessage(), poison, i);
            }
        }
        counts.applyAll(entries);
    }
}
