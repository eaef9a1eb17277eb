package party.assessment.rectification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.platform.events.EventsConfiguration;
import party.platform.events.Inbox;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;

/**
 * Opens a rectification item per inspection finding and per research problem from party.organization,
 * under an id derived from the finding or problem, so a replay opens nothing new.
 */
@Component
class RectificationListener {

    static final String CONSUMER = "assessment-service-rectification";
    /** Research problems without a deadline get this many days from when they were found. */
    static final int DEFAULT_DAYS = 30;

    private final RectificationService rectifications;
    private final Inbox inbox;

    RectificationListener(RectificationService rectifications, Inbox inbox) {
        this.rectifications = rectifications;
        this.inbox = inbox;
    }

    @KafkaListener(id = CONSUMER, topics = "party.organization", containerFactory = EventsConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case "party.organization.inspection-finding-raised.v1" -> {
                String findingId = event.text("findingId");
                var item = new RectificationService.NewItem(event.text("orgId"), RectificationSource.INSPECTION, findingId,
                        event.text("category"), event.text("description"), event.text("measure"), date(event, event.text("deadline")));
                inbox.handle(CONSUMER, event, () -> rectifications.openOnce("finding-" + findingId, item, "organization-service"));
            }
            case "party.organization.research-problem-found.v1" -> {
                String problemId = event.text("problemId");
                LocalDate foundOn = date(event, event.text("foundOn"));
                String deadline = optional(event, "deadline");
                String measure = optional(event, "measure");
                var item = new RectificationService.NewItem(event.text("orgId"), RectificationSource.FIELD_RESEARCH, problemId,
                        event.text("category"), event.text("description"), measure,
                        deadline == null ? foundOn.plusDays(DEFAULT_DAYS) : date(event, deadline));
                inbox.handle(CONSUMER, event, () -> rectifications.openOnce("problem-" + problemId, item, "organization-service"));
            }
            default -> {
                // not a source of rectification items
            }
        }
    }

    private static String optional(IncomingEvent event, String field) {
        var node = event.data().path(field);
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static LocalDate date(IncomingEvent event, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a bad date " + text);
        }
    }
}
