package party.training.roster;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.IncomingEvent;

/**
 * Keeps the roster from member-service: {@code registered.v1}, {@code status-changed.v1},
 * {@code transferred.v1} (orgId null: the member left this system), a poll's batch at a time: a
 * registration burst of a million members is one read and one bulk write per batch (see
 * {@link Roster#applyAll}), not a read and a write per event. The version guard alone makes a
 * redelivery change nothing, so no inbox is needed.
 */
@Component
class RosterListener {

    static final String CONSUMER = "training-service-roster";

    private final Roster roster;

    RosterListener(Roster roster) {
        this.roster = roster;
    }

    @KafkaListener(id = CONSUMER, topics = "party.member", containerFactory = EventsConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, String>> records) {
        List<Roster.Change> changes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                Roster.Change change = change(IncomingEvent.from(records.get(i)));
                if (change != null) {
                    changes.add(change);
                }
            } catch (RuntimeException poison) {
                // The records before it are applied and committed; this one goes to the DLT, the rest is redelivered.
                roster.applyAll(changes);
                throw new BatchListenerFailedException("unreadable member event: " + poison.getMessage(), poison, i);
            }
        }
        roster.applyAll(changes);
    }

    /** What an event does to the roster; null for member events that are not the roster's business. */
    private static Roster.Change change(IncomingEvent event) {
        return switch (event.type()) {
            case "party.member.registered.v1" -> new Roster.Change(event.text("memberId"), event.text("orgId"),
                    event.text("status"), event.number("version"));
            case "party.member.status-changed.v1" -> new Roster.Change(event.text("memberId"), event.text("orgId"),
                    event.text("to"), event.number("version"));
            case "party.member.transferred.v1" -> new Roster.Change(event.text("memberId"),
                    event.data().path("orgId").isString() ? event.data().path("orgId").asString() : null,
                    event.data().path("status").isString() ? event.data().path("status").asString() : null,
                    event.number("version"));
            default -> null;
        };
    }
}
