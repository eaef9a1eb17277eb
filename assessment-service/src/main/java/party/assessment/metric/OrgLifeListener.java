package party.assessment.metric;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.assessment.calendar.Period;
import party.platform.events.IncomingEvent;

/**
 * Keeps organizational-life counters from party.organization meeting events, in batches: per branch,
 * meeting type and month, the sets of meetings planned, held and cancelled and of the units (the
 * branch, or its groups for group meetings) that held one. Sets make a replay change nothing; months
 * (not cycles) are kept so that a changed frequency applies to the past as well.
 */
@Component
class OrgLifeListener {

    static final String CONSUMER = "assessment-service-org-life";
    static final String MEETINGS = "orglife_meetings";

    private final MongoTemplate mongo;
    private final BatchConsumption.Batches batches;

    OrgLifeListener(MongoTemplate mongo, BatchConsumption.Batches batches) {
        this.mongo = mongo;
        this.batches = batches;
    }

    @KafkaListener(id = CONSUMER, topics = "party.organization", containerFactory = BatchConsumption.FACTORY,
            concurrency = "${party.assessment.consumer-concurrency:3}")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.consume(CONSUMER, records, this::apply);
    }

    void apply(IncomingEvent event, BatchConsumption.Batch batch) {
        switch (event.type()) {
            case "party.organization.meeting-planned.v1" -> {
                String meetingId = event.text("meetingId");
                String branchId = event.text("branchId");
                String type = event.text("meetingType");
                Instant plannedAt = MemberMetricsListener.instant(event, "plannedAt");
                batch.merge(MEETINGS, meetingId, Map.of(), Map.of("plannedAt", plannedAt, "branchId", branchId, "type", type));
                addTo(batch, branchId, type, month(plannedAt), "planned", meetingId, null);
            }
            case "party.organization.meeting-held.v1" -> {
                String meetingId = event.text("meetingId");
                String orgId = event.text("orgId");
                String branchId = event.text("branchId");
                String type = event.text("meetingType");
                Instant heldAt = MemberMetricsListener.instant(event, "heldAt");
                addTo(batch, branchId, type, month(heldAt), "held", meetingId, orgId);
            }
            case "party.organization.meeting-cancelled.v1" -> {
                String meetingId = event.text("meetingId");
                String branchId = event.text("branchId");
                String type = event.text("meetingType");
                // The event carries no date: the month is the one it was planned for, when known.
                batch.now(() -> {
                    Document meeting = mongo.findById(meetingId, Document.class, MEETINGS);
                    if (meeting != null && meeting.get("plannedAt") != null) {
                        mongo.upsert(org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(OrgLifeMonth.idOf(
                                                branchId, type, month(meeting.getDate("plannedAt").toInstant())))),
                                monthUpdate(branchId, type, month(meeting.getDate("plannedAt").toInstant()), "cancelled", meetingId, null),
                                OrgLifeMonth.COLLECTION);
                    }
                });
            }
            default -> {
                // other organization events are not about organizational life
            }
        }
    }

    private static void addTo(BatchConsumption.Batch batch, String branchId, String type, YearMonth month, String set,
                              String meetingId, String unit) {
        batch.merge(OrgLifeMonth.COLLECTION, OrgLifeMonth.idOf(branchId, type, month),
                unit == null ? Map.of(set, List.of(meetingId)) : Map.of(set, List.of(meetingId), "units", List.of(unit)),
                Map.of("branchId", branchId, "type", type, "month", month.toString()));
    }

    private static Update monthUpdate(String branchId, String type, YearMonth month, String set, String meetingId, String unit) {
        Update update = new Update().addToSet(set, meetingId).set("branchId", branchId).set("type", type).set("month", month.toString());
        if (unit != null) {
            update.addToSet("units", unit);
        }
        return update;
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(Period.ZONE));
    }
}
