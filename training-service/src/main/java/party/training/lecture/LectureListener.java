package party.training.lecture;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.Inbox;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;
import party.training.ledger.Credit;
import party.training.ledger.CreditSource;
import party.training.ledger.Ledger;
import party.training.support.Hours;
import party.training.support.TrainingCalendar;
import party.training.support.TrainingProperties;

/**
 * Credits the attendees of Party lectures (党课) organization-service recorded as held
 * ({@code party.organization.meeting-held.v1} of meetingType PARTY_LECTURE): each present member
 * gets {@code party.training.lecture-hours} in the year of the lecture. The ledger entry of a
 * (meeting, member) is unique, and the inbox skips plain redeliveries.
 */
@Component
class LectureListener {

    static final String CONSUMER = "training-service-lectures";
    static final String MEETING_HELD = "party.organization.meeting-held.v1";

    private final Ledger ledger;
    private final Inbox inbox;
    private final TrainingProperties properties;

    LectureListener(Ledger ledger, Inbox inbox, TrainingProperties properties) {
        this.ledger = ledger;
        this.inbox = inbox;
        this.properties = properties;
    }

    @KafkaListener(id = CONSUMER, topics = "party.organization", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!MEETING_HELD.equals(event.type()) || !"PARTY_LECTURE".equals(event.text("meetingType"))) {
            return;
        }
        String meetingId = event.text("meetingId");
        String branchId = event.text("branchId");
        Instant heldAt;
        try {
            heldAt = Instant.parse(event.text("heldAt"));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a bad heldAt");
        }
        List<String> present = new ArrayList<>();
        event.data().path("presentMemberIds").forEach(node -> {
            if (node.isString() && !node.asString().isBlank()) {
                present.add(node.asString());
            }
        });
        int year = TrainingCalendar.yearOf(heldAt);
        long centi = Hours.centi(properties.lectureHours());
        inbox.handle(CONSUMER, event, () -> present.forEach(memberId -> ledger.credit(new Credit(
                "LECTURE|" + meetingId + "|" + memberId, memberId, branchId, year, centi, CreditSource.LECTURE, meetingId,
                null, "organization-service"))));
    }
}
