package party.assessment.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import party.assessment.calendar.Period;
import party.assessment.it.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import tools.jackson.databind.JsonNode;

/**
 * Automatic indicators from the other services' events: each score shows the figures it came from,
 * a replay of the same events changes nothing, and a burst converges quickly.
 */
class MetricsIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(MetricsIT.class);
    static final Period QUARTER = Period.containing(Period.currentMonth().minusMonths(3), 3);

    @Test
    void automaticScoresComeFromTheEventsShowTheirFiguresAndAReplayChangesNothing() {
        Orgs orgs = orgs();
        String branch = orgs.branchA();
        List<String> full = List.of(registerMember(branch, "FULL"), registerMember(branch, "FULL"), registerMember(branch, "FULL"));
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        // An admission (candidate → probationary) in the quarter's first month, and the year's quota of 2.
        String admitted = UUID.randomUUID().toString();
        events.add(event("party.member", "party.member.status-changed.v1", admitted, body("memberId", admitted, "orgId", branch,
                "from", "CANDIDATE", "to", "PROBATIONARY", "effectiveDate", QUARTER.first().atDay(5).toString(),
                "at", "2025-01-01T00:00:00Z", "version", 5)));
        events.add(event("party.member", "party.member.development-quota-set.v1", branch, body("orgId", branch,
                "year", QUARTER.year(), "quota", 2, "setAt", "2025-01-01T00:00:00Z", "version", 0)));
        // Organizational life: a branch general meeting, a group meeting in the first month, theme Party days every month.
        List<YearMonth> months = QUARTER.monthList();
        events.add(held(branch, branch, "BRANCH_GENERAL_MEETING", months.get(1)));
        events.add(held(orgs.groupA(), branch, "GROUP_MEETING", months.get(0)));
        months.forEach(m -> events.add(held(branch, branch, "THEME_PARTY_DAY", m)));
        String planned = UUID.randomUUID().toString();
        events.add(event("party.organization", "party.organization.meeting-planned.v1", planned, body("meetingId", planned,
                "orgId", branch, "branchId", branch, "meetingType", "PARTY_LECTURE",
                "plannedAt", months.get(2).atDay(20) + "T02:00:00Z", "version", 0)));
        events.add(event("party.organization", "party.organization.meeting-cancelled.v1", planned, body("meetingId", planned,
                "orgId", branch, "branchId", branch, "meetingType", "PARTY_LECTURE", "version", 1)));
        // Training: 10 + 6 hours for one member, 32 for another.
        events.add(credit(full.get(0), branch, "10", "10"));
        events.add(credit(full.get(0), branch, "6", "16"));
        events.add(credit(full.get(1), branch, "32", "32"));
        // Dues: every member billed each month of the quarter (the admitted one too); one member paid the
        // whole quarter, another its first month. Another branch's bill and payment count nothing here.
        List<String> amounts = List.of("30.00", "15.00", "0.20");
        for (YearMonth m : months) {
            for (int i = 0; i < full.size(); i++) {
                events.add(billed(full.get(i), branch, m, amounts.get(i)));
            }
            events.add(billed(admitted, branch, m, "10.00"));
        }
        events.add(paid(full.get(0), branch, months));
        events.add(paid(full.get(1), branch, List.of(months.get(0))));
        String elsewhere = UUID.randomUUID().toString();
        events.add(billed(elsewhere, orgs.branchB(), months.get(0), "5.00"));
        events.add(paid(elsewhere, orgs.branchB(), List.of(months.get(0))));
        events.forEach(this::validate);
        publishAll(events);

        String path = "/api/v1/assessments/branches/" + branch + "/periods/" + QUARTER.label();
        String staff = staff(orgs);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode view = get(path, staff).json();
            assertThat(line(view, "L1").path("figures").path("fulfilled").asLong()).isEqualTo(5);
            assertThat(line(view, "E1").path("figures").path("membersCompleted").asLong()).isEqualTo(1);
            assertThat(line(view, "E1").path("figures").path("averageHours").asString()).isEqualTo("12.00");
            assertThat(line(view, "O4").path("figures").path("billsPaid").asLong()).isEqualTo(4);
            assertThat(line(view, "O4").path("figures").path("billsDue").asLong()).isEqualTo(12);
            assertThat(line(view, "O3").path("figures").path("admitted").asLong()).isEqualTo(1);
            assertThat(line(view, "O3").path("figures").path("quota").asLong()).isEqualTo(2);
            JsonNode lecture = type(line(view, "L1"), "PARTY_LECTURE");
            assertThat(lecture.path("cancelled").asInt()).isEqualTo(1);
        });
        JsonNode view = get(path, staff).json();
        // 三会一课: owed BGM 1, group meetings 3 (one group), theme days 3, lecture 1 (no committee: 3 full members < 7).
        JsonNode orgLife = line(view, "L1");
        assertThat(orgLife.path("figures").path("due").asLong()).isEqualTo(8);
        assertThat(orgLife.path("ratio").decimalValue()).isEqualByComparingTo("0.625");
        assertThat(orgLife.path("score").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(type(orgLife, "COMMITTEE_MEETING").path("due").asInt()).isZero();
        assertThat(type(orgLife, "GROUP_MEETING").path("fulfilled").asInt()).isEqualTo(1);
        // Dues: 4 members × 3 bills of months that are over, 4 paid; 8 in arrears over 3 members.
        JsonNode dues = line(view, "O4");
        JsonNode duesFigures = dues.path("figures");
        assertThat(duesFigures.path("bills").asLong()).isEqualTo(12);
        assertThat(duesFigures.path("billsDue").asLong()).isEqualTo(12);
        assertThat(duesFigures.path("billsInArrears").asLong()).isEqualTo(8);
        assertThat(duesFigures.path("membersInArrears").asLong()).isEqualTo(3);
        assertThat(duesFigures.path("amountDue").asString()).isEqualTo("165.60"); // 3 × (30 + 15 + 0.20 + 10)
        assertThat(duesFigures.path("amountPaid").asString()).isEqualTo("105.00"); // 3 × 30 + 15
        assertThat(duesFigures.path("amountInArrears").asString()).isEqualTo("60.60");
        assertThat(dues.path("ratio").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(dues.path("score").decimalValue()).isEqualByComparingTo(new BigDecimal("3").multiply(dues.path("ratio").decimalValue())
                .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(line(view, "E1").path("figures").path("members").asInt()).isEqualTo(4);
        assertThat(line(view, "R1").path("figures").path("due").asLong()).isZero();
        assertThat(line(view, "R1").path("score").decimalValue()).isEqualByComparingTo("5");

        // Replay: every event again with its ce_id (inbox dedupe), then again under new ids (a republish:
        // the effects themselves are idempotent). Same keys, so the second copy of each follows the first.
        List<ProducerRecord<String, String>> again = new ArrayList<>();
        List<String> newIds = new ArrayList<>();
        for (ProducerRecord<String, String> e : events) {
            again.add(copy(e, header(e)));
            String id = UUID.randomUUID().toString();
            newIds.add(id);
            again.add(copy(e, id));
        }
        publishAll(again);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                newIds.stream().allMatch(id -> mongo.getCollection("inbox").countDocuments(
                        new org.bson.Document("_id", new org.bson.Document("$regex", "\\|" + id + "$"))) > 0));
        JsonNode replayed = get(path, staff).json();
        assertThat(automaticLines(replayed)).isEqualTo(automaticLines(view));
        assertThat(replayed.path("totals")).isEqualTo(view.path("totals"));
    }

    @Test
    void aBillIsInArrearsOnlyOnceItsMonthIsOverAndUntilItIsPaid() {
        Orgs orgs = orgs();
        String branch = orgs.branchC();
        String member = UUID.randomUUID().toString();
        YearMonth current = Period.currentMonth();
        YearMonth previous = current.minusMonths(1);
        List<ProducerRecord<String, String>> events = List.of(billed(member, branch, previous, "12.50"),
                billed(member, branch, current, "12.50"));
        events.forEach(this::validate);
        publishAll(events);
        String staff = staff(orgs);
        String base = "/api/v1/assessments/branches/" + branch + "/periods/";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode last = line(get(base + Period.month(previous).label(), staff).json(), "O4");
            assertThat(last.path("figures").path("billsInArrears").asLong()).isEqualTo(1);
            assertThat(last.path("figures").path("amountInArrears").asString()).isEqualTo("12.50");
            assertThat(last.path("ratio").decimalValue()).isEqualByComparingTo("0");
            JsonNode now = line(get(base + Period.month(current).label(), staff).json(), "O4");
            assertThat(now.path("figures").path("bills").asLong()).isEqualTo(1);
        });
        // The current month's bill is not due yet: nothing in arrears, nothing asked.
        JsonNode now = line(get(base + Period.month(current).label(), staff).json(), "O4");
        assertThat(now.path("figures").path("billsDue").asLong()).isZero();
        assertThat(now.path("figures").path("membersInArrears").asLong()).isZero();
        assertThat(now.path("ratio").decimalValue()).isEqualByComparingTo("1");

        ProducerRecord<String, String> payment = paid(member, branch, List.of(previous));
        validate(payment);
        publishAll(List.of(payment));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode last = line(get(base + Period.month(previous).label(), staff).json(), "O4");
            assertThat(last.path("figures").path("billsInArrears").asLong()).isZero();
            assertThat(last.path("figures").path("amountPaid").asString()).isEqualTo("12.50");
            assertThat(last.path("ratio").decimalValue()).isEqualByComparingTo("1");
        });
    }

    @Test
    void aBurstOfEventsConvergesQuickly() {
        Orgs orgs = orgs();
        String branch = orgs.branchB();
        int members = 40;
        List<String> ids = IntStream.range(0, members).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<ProducerRecord<String, String>> roster = new ArrayList<>();
        ids.forEach(id -> roster.add(event("party.member", "party.member.registered.v1", id, body("memberId", id, "orgId", branch,
                "status", "FULL", "registeredAt", "2023-01-10T02:00:00.000Z", "version", 0))));
        publishAll(roster);
        awaitRoster(ids);

        int burst = Integer.getInteger("assessment.burst", 10_000);
        List<ProducerRecord<String, String>> events = new ArrayList<>(burst);
        List<YearMonth> months = QUARTER.monthList();
        for (int i = 0; i < burst; i++) {
            String member = ids.get(i % members);
            switch (i % 3) {
                case 0 -> events.add(held(branch, branch, "THEME_PARTY_DAY", months.get(i % 3 == 0 ? (i / 3) % 3 : 0)));
                case 1 -> events.add(credit(member, branch, "0.5", "0"));
                default -> events.add(paid(member, branch, List.of(months.get((i / 3) % 3))));
            }
        }
        // The bills the payments settle, 3 per member, within the burst (replacing as many of its first events).
        for (int i = 0; i < members * 3; i++) {
            events.set(i, billed(ids.get(i % members), branch, months.get(i / members), "30.00"));
        }
        long meetings = events.stream().filter(e -> "party.organization".equals(e.topic())).count();
        long hours = events.stream().filter(e -> "party.training".equals(e.topic())).count();
        String path = "/api/v1/assessments/branches/" + branch + "/periods/" + QUARTER.label();
        String staff = staff(orgs);
        long start = System.nanoTime();
        publishAll(events);
        long sent = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode view = get(path, staff).json();
            assertThat(type(line(view, "L1"), "THEME_PARTY_DAY").path("held").asLong()).isEqualTo(meetings);
            assertThat(new BigDecimal(line(view, "E1").path("figures").path("averageHours").asString()))
                    .isEqualByComparingTo(BigDecimal.valueOf(hours).multiply(new BigDecimal("0.5"))
                            .divide(BigDecimal.valueOf(members), 2, java.math.RoundingMode.HALF_UP));
            assertThat(line(view, "O4").path("figures").path("billsDue").asLong()).isEqualTo(members * 3L);
            assertThat(line(view, "O4").path("figures").path("billsPaid").asLong()).isEqualTo(members * 3L);
        });
        long converged = System.nanoTime();
        log.info("burst of {} events: sent in {} ms, every affected score current {} ms after the last was sent",
                burst, (sent - start) / 1_000_000, (converged - sent) / 1_000_000);
    }

    @Test
    void aPoisonEventGoesToTheDltAndTheEventsAfterItStillCount() {
        Orgs orgs = orgs();
        String member = registerMember(orgs.branchC(), "FULL");
        awaitRoster(List.of(member));
        String entry = UUID.randomUUID().toString();
        ProducerRecord<String, String> bad = event("party.training", "party.training.credit-recorded.v1", entry, body("entryId", entry,
                "memberId", member, "orgId", orgs.branchC(), "year", QUARTER.year(), "hours", "a lot", "source", "SESSION",
                "totalHours", "0", "targetHours", "32", "version", 0));
        ProducerRecord<String, String> good = credit(member, orgs.branchC(), "2", "2");
        // Same key as the poison record: it follows it on the same partition.
        good = new ProducerRecord<>(good.topic(), null, entry, good.value(), good.headers());
        publishAll(List.of(bad, good));
        String path = "/api/v1/assessments/branches/" + orgs.branchC() + "/periods/" + QUARTER.label();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(line(get(path, staff(orgs)).json(), "E1").path("figures").path("averageHours").asString()).isEqualTo("2.00"));
        String badId = header(bad);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode letters = get("/api/v1/admin/assessment-service/dlt", admin()).json();
            assertThat(letters.valueStream().filter(l -> badId.equals(l.path("eventId").asString())).toList()).hasSize(1);
        });
    }

    // ---------------------------------------------------------------- fixtures

    private void validate(ProducerRecord<String, String> record) {
        String type = header(record, CloudEvents.TYPE);
        if (java.nio.file.Files.exists(TestContracts.folder().resolve(type + ".schema.json"))) {
            assertThat(TestContracts.violations(type, record.value())).as(type).isEmpty();
        }
    }

    static ProducerRecord<String, String> event(String topic, String type, String key, Map<String, Object> body) {
        return record(topic, type, key, body, UUID.randomUUID().toString());
    }

    static ProducerRecord<String, String> held(String orgId, String branch, String type, YearMonth month) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = body("meetingId", id, "orgId", orgId, "branchId", branch, "meetingType", type,
                "heldAt", month.atDay(10) + "T04:00:00Z", "presentMemberIds", List.of(UUID.randomUUID().toString()),
                "absentMemberIds", List.of(), "expectedCount", 1, "version", 1);
        return event("party.organization", "party.organization.meeting-held.v1", id, body);
    }

    /** The training helper's contract: party.training.credit-recorded.v1, keyed by ledger entry. */
    static ProducerRecord<String, String> credit(String memberId, String branch, String hours, String total) {
        String entry = UUID.randomUUID().toString();
        return event("party.training", "party.training.credit-recorded.v1", entry, body("entryId", entry, "memberId", memberId,
                "orgId", branch, "year", QUARTER.year(), "hours", hours, "source", "SESSION", "totalHours", total,
                "targetHours", "32", "version", 0));
    }

    /** member-service's party.member.dues-billed.v1, keyed by bill (memberId|yyyy-MM). */
    static ProducerRecord<String, String> billed(String memberId, String branch, YearMonth month, String amount) {
        String bill = memberId + "|" + month;
        return event("party.member", "party.member.dues-billed.v1", bill, body("billId", bill, "memberId", memberId,
                "orgId", branch, "month", month.toString(), "amount", amount, "version", 0));
    }

    static ProducerRecord<String, String> paid(String memberId, String branch, List<YearMonth> months) {
        String payment = UUID.randomUUID().toString();
        return event("party.member", "party.member.dues-paid.v1", payment, body("paymentId", payment, "memberId", memberId,
                "payerMemberId", memberId, "orgId", branch, "months", months.stream().map(YearMonth::toString).toList(),
                "amount", "30.00", "paidOn", QUARTER.last().atEndOfMonth().toString(), "version", 0));
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static ProducerRecord<String, String> copy(ProducerRecord<String, String> original, String eventId) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
        original.headers().forEach(h -> {
            if (!h.key().equals(CloudEvents.ID)) {
                copy.headers().add(h);
            }
        });
        copy.headers().add(CloudEvents.ID, eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return copy;
    }

    private static String header(ProducerRecord<String, String> record) {
        return header(record, CloudEvents.ID);
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode line(JsonNode view, String code) {
        for (JsonNode line : view.path("indicators")) {
            if (line.path("code").asString().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    static JsonNode type(JsonNode orgLifeLine, String type) {
        for (JsonNode t : orgLifeLine.path("figures").path("types")) {
            if (t.path("meetingType").asString().equals(type)) {
                return t;
            }
        }
        throw new AssertionError("no meeting type " + type + " in " + orgLifeLine);
    }

    private static List<JsonNode> automaticLines(JsonNode view) {
        List<JsonNode> lines = new ArrayList<>();
        view.path("indicators").forEach(l -> {
            if (l.path("source").asString().equals("AUTOMATIC")) {
                lines.add(l);
            }
        });
        return lines;
    }
}
