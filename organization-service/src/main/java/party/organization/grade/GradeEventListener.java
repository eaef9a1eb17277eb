package party.organization.grade;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.CloudEvents;
import party.platform.events.EventsConfiguration;
import party.platform.events.Inbox;
import party.platform.events.IncomingEvent;

/** The grades assessment-service determines (评估定级): each organization shows its current one. */
@Component
class GradeEventListener {

    static final String GRADE_DETERMINED = "party.assessment.grade-determined.v1";

    private final GradeService grades;
    private final Inbox inbox;

    GradeEventListener(GradeService grades, Inbox inbox) {
        this.grades = grades;
        this.inbox = inbox;
    }

    @KafkaListener(id = "organization-service-grades", topics = "party.assessment",
            containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (GRADE_DETERMINED.equals(event.type())) {
            inbox.handle("current-grade", event, () -> grades.apply(event, determinedAt(record)));
        }
    }

    /**
     * The payload carries no time of its own; the CloudEvents time of the event is when the superior
     * determined the grade (the outbox stamps it at the change). The record's timestamp stands in
     * when the header is missing or unreadable.
     */
    private static Instant determinedAt(ConsumerRecord<String, String> record) {
        Header time = record.headers().lastHeader(CloudEvents.TIME);
        if (time != null) {
            try {
                return Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
            } catch (DateTimeParseException unreadable) {
                // falls back to the record's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}
