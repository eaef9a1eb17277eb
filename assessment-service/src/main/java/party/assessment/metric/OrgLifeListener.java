package party.assessment.metric;

import java.time.Instant;
import java.time.YearMonth;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.assessment.calendar.Period;
import party.platform.events.EventsConfiguration;
import party.platform.events.Inbox;
import party.platform.events.IncomingEvent;

/**
 * Keeps organizational-life counters from party.organization meeting events: per branch, meeting
 * type and month, the sets of meetings planned, held and cancelled and of the units (the branch, or
 * its groups for group meetings) that held one. Sets make a replay change nothing; months (not
 * cycles) are kept so that a changed frequency applies to the past as well.
 */
@Component
class OrgLifeListener {

    static final String CONSUMER = "assessment-service-org-life";
    static final String MEETINGS = "orglife_meetings";

    private final MongoTemplate mongo;
    private final Inbox inbox;

    OrgLifeListener(MongoTemplate mongo, Inbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    @KafkaListener(id = CONSUMER, topics = "party.organization", containerFactory = EventsConfiguration.LISTENER_FACTORY,
            concurrency = "${party.assessment.consumer-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case "party.organization.meeting-planned.v1" -> {
                String meetingId = event.text("meetingId");
                String branchId = event.text("branchId");
                String type = event.text("meetingType");
                Instant plannedAt = MemberMetricsListener.instant(event, "plannedAt");
                inbox.handle(CONSUMER, event, () -> {
                    mongo.upsert(Query.query(Criteria.where("_id").is(meetingId)),
                            new Update().set("plannedAt", plannedAt).set("branchId", branchId).set("type", type), MEETINGS);
                    addTo(branchId, type, month(plannedAt), "planned", meetingId, null);
                });
            }
            case "party.organization.meeting-held.v1" -> {
                String meetingId = event.text("meetingId");
                String orgId = event.text("orgId");
                String branchId = event.text("branchId");
                String type = event.text("meetingType");
                Instant heldAt = MemberMetricsListener.instant(event, "heldAt");
                inbox.handle(CONSUMER, event, () -> addTo(branchId, type, month(heldAt), "held", meetingId, orgId));
            }
            case "party.organization.meeting-cancelled.v1" -> {
                String meetingId = event.text("meetingId");
                String branchId = event.text("branchId");
                String type = event.text("meetingType");
                inbox.handle(CONSUMER, event, () -> {
                    // The event carries no date: the month is the one it was planned for, when known.
                    Document meeting = mongo.findById(meetingId, Document.class, MEETINGS);
                    if (meeting != null && meeting.get("plannedAt") != null) {
                        addTo(branchId, type, month(meeting.getDate("plannedAt").toInstant()), "cancelled", meetingId, null);
                    }
                });
            }
            default -> {
                // other organization events are not about organizational life
            }
        }
    }

    private void addTo(String branchId, String type, YearMonth month, String set, String meetingId, String unit) {
        Update update = new Update().addToSet(set, meetingId).set("branchId", branchId).set("type", type)
                .set("month", month.toString());
        if (unit != null) {
            update.addToSet("units", unit);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(OrgLifeMonth.idOf(branchId, type, month))), update, OrgLifeMonth.COLLECTION);
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(Period.ZONE));
    }
}
