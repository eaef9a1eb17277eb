package party.member.status;

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

/** Keeps {@link Attendance} from {@code party.organization.meeting-held.v1}; other events are ignored. */
@Component
class AttendanceListener {

    static final String CONSUMER = "member-service-attendance";
    static final String MEETING_HELD = "party.organization.meeting-held.v1";

    private final Attendance attendance;
    private final Inbox inbox;

    AttendanceListener(Attendance attendance, Inbox inbox) {
        this.attendance = attendance;
        this.inbox = inbox;
    }

    @KafkaListener(id = CONSUMER, topics = "party.organization", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!MEETING_HELD.equals(event.type())) {
            return;
        }
        String meetingId = event.text("meetingId");
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
        inbox.handle(CONSUMER, event, () -> attendance.record(meetingId, heldAt, present));
    }
}
