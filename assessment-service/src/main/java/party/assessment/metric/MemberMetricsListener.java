package party.assessment.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import party.platform.events.PoisonEventException;

/**
 * Keeps the roster, dues months paid and development counters from party.member. Every effect is a
 * single write by _id that is idempotent on its own ($addToSet, version guard); the inbox keeps plain
 * duplicates cheap.
 */
@Component
class MemberMetricsListener {

    static final String CONSUMER = "assessment-service-member-metrics";

    private final Roster roster;
    private final MongoTemplate mongo;
    private final Inbox inbox;

    MemberMetricsListener(Roster roster, MongoTemplate mongo, Inbox inbox) {
        this.roster = roster;
        this.mongo = mongo;
        this.inbox = inbox;
    }

    @KafkaListener(id = CONSUMER, topics = "party.member", containerFactory = EventsConfiguration.LISTENER_FACTORY,
            concurrency = "${party.assessment.consumer-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        Runnable effect = switch (event.type()) {
            case "party.member.registered.v1" -> registered(event);
            case "party.member.status-changed.v1" -> statusChanged(event);
            case "party.member.transferred.v1" -> transferred(event);
            case "party.member.dues-paid.v1" -> duesPaid(event);
            case "party.member.development-step-recorded.v1" -> stepRecorded(event);
            case "party.member.development-quota-set.v1" -> quotaSet(event);
            default -> null;
        };
        if (effect != null) {
            inbox.handle(CONSUMER, event, effect);
        }
    }

    private Runnable registered(IncomingEvent event) {
        String memberId = event.text("memberId");
        String orgId = event.text("orgId");
        String status = event.text("status");
        String month = month(event, instant(event, "registeredAt"));
        long version = event.number("version");
        return () -> roster.apply(memberId, version, e -> new RosterEntry(memberId, orgId, status,
                e.owesFrom() == null ? month : e.owesFrom(), version));
    }

    private Runnable statusChanged(IncomingEvent event) {
        String memberId = event.text("memberId");
        String orgId = event.text("orgId");
        String to = event.text("to");
        String from = event.data().path("from").isString() ? event.data().path("from").asString() : null;
        LocalDate effective = date(event, "effectiveDate");
        long version = event.number("version");
        return () -> {
            roster.apply(memberId, version, e -> new RosterEntry(memberId, orgId, to,
                    "PROBATIONARY".equals(to) ? YearMonth.from(effective).toString() : e.owesFrom(), version));
            if ("PROBATIONARY".equals(to) && "CANDIDATE".equals(from)) {
                // An admission (接收预备党员) counts toward the branch's development quota of that year.
                mongo.upsert(Query.query(Criteria.where("_id").is(DevelopmentCounter.idOf(orgId, effective.getYear()))),
                        new Update().addToSet("admitted", memberId + "|" + effective).set("orgId", orgId).set("year", effective.getYear()),
                        DevelopmentCounter.COLLECTION);
            }
        };
    }

    private Runnable transferred(IncomingEvent event) {
        String memberId = event.text("memberId");
        String orgId = event.data().path("orgId").isString() ? event.data().path("orgId").asString() : null;
        String status = event.text("status");
        long version = event.number("version");
        return () -> roster.apply(memberId, version, e -> new RosterEntry(memberId, orgId, status, e.owesFrom(), version));
    }

    private Runnable duesPaid(IncomingEvent event) {
        String memberId = event.text("memberId");
        java.util.List<String> months = new java.util.ArrayList<>();
        event.data().path("months").forEach(node -> {
            try {
                months.add(YearMonth.parse(node.asString()).toString());
            } catch (DateTimeParseException e) {
                throw new PoisonEventException(event.type() + " " + event.id() + " has a bad month");
            }
        });
        if (months.isEmpty()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has no months");
        }
        return () -> mongo.upsert(Query.query(Criteria.where("_id").is(memberId)),
                new Update().addToSet("months").each(months.toArray()), DuesMonthsPaid.COLLECTION);
    }

    private Runnable stepRecorded(IncomingEvent event) {
        String recordId = event.text("recordId");
        String orgId = event.text("orgId");
        long step = event.number("step");
        LocalDate date = date(event, "date");
        return () -> mongo.upsert(Query.query(Criteria.where("_id").is(DevelopmentCounter.idOf(orgId, date.getYear()))),
                new Update().addToSet("steps", recordId + "#" + step).set("orgId", orgId).set("year", date.getYear()),
                DevelopmentCounter.COLLECTION);
    }

    private Runnable quotaSet(IncomingEvent event) {
        String orgId = event.text("orgId");
        long year = event.number("year");
        long quota = event.number("quota");
        long version = event.number("version");
        String id = DevelopmentCounter.idOf(orgId, (int) year);
        return () -> {
            // Version-guarded: only a newer quota replaces the one held.
            Query older = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                    new Criteria().orOperator(Criteria.where("quotaVersion").exists(false), Criteria.where("quotaVersion").lt(version))));
            var result = mongo.updateFirst(older, new Update().set("quota", quota).set("quotaVersion", version), DevelopmentCounter.COLLECTION);
            if (result.getMatchedCount() == 0 && !mongo.exists(Query.query(Criteria.where("_id").is(id)), DevelopmentCounter.COLLECTION)) {
                try {
                    mongo.insert(new org.bson.Document("_id", id).append("orgId", orgId).append("year", (int) year)
                            .append("quota", quota).append("quotaVersion", version), DevelopmentCounter.COLLECTION);
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    mongo.updateFirst(older, new Update().set("quota", quota).set("quotaVersion", version), DevelopmentCounter.COLLECTION);
                }
            }
        };
    }

    static Instant instant(IncomingEvent event, String field) {
        try {
            return Instant.parse(event.text(field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a bad " + field);
        }
    }

    static LocalDate date(IncomingEvent event, String field) {
        try {
            return LocalDate.parse(event.text(field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a bad " + field);
        }
    }

    private static String month(IncomingEvent event, Instant at) {
        return YearMonth.from(at.atZone(Period.ZONE)).toString();
    }
}
