package party.assessment.metric;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import party.assessment.calendar.Period;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;

/**
 * Keeps the roster, the dues bills and months paid, and the development counters from party.member, in batches
 * (see {@link BatchConsumption}). Every effect is idempotent on its own: $addToSet into sets, or a
 * version guard on the member's and the quota's aggregate version.
 */
@Component
class MemberMetricsListener {

    static final String CONSUMER = "assessment-service-member-metrics";

    private final Roster roster;
    private final MongoTemplate mongo;
    private final BatchConsumption.Batches batches;

    MemberMetricsListener(Roster roster, MongoTemplate mongo, BatchConsumption.Batches batches) {
        this.roster = roster;
        this.mongo = mongo;
        this.batches = batches;
    }

    @KafkaListener(id = CONSUMER, topics = "party.member", containerFactory = BatchConsumption.FACTORY,
            concurrency = "${party.assessment.consumer-concurrency:3}")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.consume(CONSUMER, records, this::apply);
    }

    void apply(IncomingEvent event, BatchConsumption.Batch batch) {
        switch (event.type()) {
            case "party.member.registered.v1" -> {
                String memberId = event.text("memberId");
                String orgId = event.text("orgId");
                String status = event.text("status");
                String month = YearMonth.from(instant(event, "registeredAt").atZone(Period.ZONE)).toString();
                long version = event.number("version");
                batch.roster(roster, memberId, version, e -> new RosterEntry(memberId, orgId, status,
                        e.owesFrom() == null ? month : e.owesFrom(), version));
            }
            case "party.member.status-changed.v1" -> {
                String memberId = event.text("memberId");
                String orgId = event.text("orgId");
                String to = event.text("to");
                String from = event.data().path("from").isString() ? event.data().path("from").asString() : null;
                LocalDate effective = date(event, "effectiveDate");
                long version = event.number("version");
                batch.roster(roster, memberId, version, e -> new RosterEntry(memberId, orgId, to,
                        "PROBATIONARY".equals(to) ? YearMonth.from(effective).toString() : e.owesFrom(), version));
                if ("PROBATIONARY".equals(to) && "CANDIDATE".equals(from)) {
                    // An admission (接收预备党员) counts toward the branch's development quota of that year.
                    batch.merge(DevelopmentCounter.COLLECTION, DevelopmentCounter.idOf(orgId, effective.getYear()),
                            Map.of("admitted", List.of(memberId + "|" + effective)), Map.of("orgId", orgId, "year", effective.getYear()));
                }
            }
            case "party.member.transferred.v1" -> {
                String memberId = event.text("memberId");
                String orgId = event.data().path("orgId").isString() ? event.data().path("orgId").asString() : null;
                String status = event.text("status");
                long version = event.number("version");
                batch.roster(roster, memberId, version, e -> new RosterEntry(memberId, orgId, status, e.owesFrom(), version));
            }
            case "party.member.dues-paid.v1" -> {
                String memberId = event.text("memberId");
                List<String> months = new java.util.ArrayList<>();
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
                batch.merge(DuesMonthsPaid.COLLECTION, memberId, Map.of("months", months), Map.of());
            }
            case "party.member.dues-billed.v1" -> {
                String memberId = event.text("memberId");
                String orgId = event.text("orgId");
                String month;
                try {
                    month = YearMonth.parse(event.text("month")).toString();
                } catch (DateTimeParseException e) {
                    throw new PoisonEventException(event.type() + " " + event.id() + " has a bad month");
                }
                String amount = event.text("amount");
                if (memberId.isBlank() || orgId.isBlank() || !amount.matches("[0-9]+\\.[0-9]{2}")) {
                    throw new PoisonEventException(event.type() + " " + event.id() + " does not fit the contract");
                }
                // A month is billed once (billId = memberId|month): the set entry is the same on any redelivery.
                batch.merge(DuesBilledMonth.COLLECTION, DuesBilledMonth.idOf(orgId, month),
                        Map.of("bills", List.of(DuesBilledMonth.entry(memberId, amount))),
                        Map.of("orgId", orgId, "month", month));
            }
            case "party.member.development-step-recorded.v1" -> {
                String recordId = event.text("recordId");
                String orgId = event.text("orgId");
                long step = event.number("step");
                LocalDate date = date(event, "date");
                batch.merge(DevelopmentCounter.COLLECTION, DevelopmentCounter.idOf(orgId, date.getYear()),
                        Map.of("steps", List.of(recordId + "#" + step)), Map.of("orgId", orgId, "year", date.getYear()));
            }
            case "party.member.development-quota-set.v1" -> {
                String orgId = event.text("orgId");
                long year = event.number("year");
                long quota = event.number("quota");
                long version = event.number("version");
                String id = DevelopmentCounter.idOf(orgId, (int) year);
                batch.now(() -> {
                    // Version-guarded: only a newer quota replaces the one held (one key, one partition: no race).
                    DevelopmentQuota held = mongo.findById(id, DevelopmentQuota.class);
                    if (held == null || held.version() < version) {
                        mongo.save(new DevelopmentQuota(id, orgId, (int) year, quota, version));
                    }
                });
            }
            default -> {
                // other member events are not metrics
            }
        }
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
}
