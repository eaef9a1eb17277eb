package party.member.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The monthly flag, fed by real meeting-held records on the embedded broker and by dues set and
 * paid through the dues API. All members joined 2025-01 and are evaluated for 2026-03.
 */
class LapseFlagIT extends StatusTestSupport {

    private static final LocalDate JOINED = LocalDate.of(2025, 1, 1);

    void setBase(Tree tree, String memberId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "EMPLOYED");
        body.put("base", new java.math.BigDecimal("3000.00"));
        body.put("effectiveFrom", "2025-01");
        Reply reply = send("PUT", "/api/v1/dues/members/" + memberId + "/base", staff(tree), body);
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    void pay(Tree tree, String memberId, String month) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("months", List.of(month));
        body.put("backPaymentReason", "补交党费");
        Reply reply = send("POST", "/api/v1/dues/payments", staff(tree), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    long flagsOf(List<String> memberIds) {
        return db.count(Query.query(Criteria.where("memberId").in(memberIds)), LapseFlag.COLLECTION);
    }

    @Test
    void flagsSixLapsedMonthsFromDuesAndAttendanceOnceAndLetsAPersonResolve() {
        Tree tree = tree();
        String attended = member(tree, tree.branchA(), "FULL", JOINED);   // attended 2026-01: run of 2
        String neverPaid = member(tree, tree.branchA(), "FULL", JOINED);  // 15 months: flagged
        String noBase = member(tree, tree.branchA(), "FULL", JOINED);     // dues unknown: not flagged
        String paidSep = member(tree, tree.branchB(), "FULL", JOINED);    // 2025-10 .. 2026-03 = 6: flagged
        String paidOct = member(tree, tree.branchB(), "FULL", JOINED);    // 2025-11 .. 2026-03 = 5: not flagged
        for (String id : List.of(attended, neverPaid, paidSep, paidOct)) {
            setBase(tree, id);
        }
        pay(tree, paidSep, "2025-09");
        pay(tree, paidOct, "2025-10");
        // 2026-01-10 in Shanghai; the absent member gains nothing
        meetingHeld(tree.branchA(), "2026-01-10T02:00:00Z", List.of(attended), List.of(neverPaid, noBase));
        // held 2026-03-31T16:30Z = 2026-04-01 in Shanghai: after the month evaluated, so it does not help
        meetingHeld(tree.branchB(), "2026-03-31T16:30:00Z", List.of(paidSep), List.of(paidOct));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                db.exists(Query.query(Criteria.where("_id").is(attended + "|2026-01")), Attendance.COLLECTION)
                        && db.exists(Query.query(Criteria.where("_id").is(paidSep + "|2026-04")), Attendance.COLLECTION));

        Reply run = send("POST", "/api/v1/members/lapse-flags/run?month=2026-03&orgId=" + tree.committee(), admin(tree), null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("checked").asInt()).isEqualTo(5);
        assertThat(run.json().path("flagged").asInt()).isEqualTo(2);

        Reply again = send("POST", "/api/v1/members/lapse-flags/run?month=2026-03&orgId=" + tree.committee(), admin(tree), null);
        assertThat(again.json().path("flagged").asInt()).isZero();
        assertThat(again.json().path("alreadyFlagged").asInt()).isEqualTo(2);
        List<String> all = List.of(attended, neverPaid, noBase, paidSep, paidOct);
        assertThat(flagsOf(all)).isEqualTo(2);

        Reply list = get("/api/v1/members/lapse-flags?orgId=" + tree.committee(), staff(tree));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(2);
        JsonNode first = list.json().path("items").get(0);
        assertThat(first.path("memberId").asString()).isEqualTo(neverPaid);
        assertThat(first.path("since").asString()).isEqualTo("2025-01");
        assertThat(first.path("monthsWithoutDues").asInt()).isEqualTo(15);
        assertThat(first.path("monthsWithoutAttendance").asInt()).isEqualTo(15);
        assertThat(first.path("lapsedMonths").asInt()).isEqualTo(15);
        JsonNode second = list.json().path("items").get(1);
        assertThat(second.path("memberId").asString()).isEqualTo(paidSep);
        assertThat(second.path("since").asString()).isEqualTo("2025-10");
        assertThat(second.path("monthsWithoutDues").asInt()).isEqualTo(6);
        // a flag never changes a status by itself
        assertThat(db.findById(neverPaid, org.bson.Document.class, "members").getString("status")).isEqualTo("FULL");

        // branch B's secretary sees branch B's flag only, and nothing of branch A
        Reply branchB = get("/api/v1/members/lapse-flags?orgId=" + tree.branchB(), secretary(tree.branchB()));
        assertThat(branchB.json().path("total").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/members/lapse-flags?orgId=" + tree.branchA(), secretary(tree.branchB())).status())
                .isEqualTo(404);

        String flagId = first.path("id").asString();
        Map<String, Object> resolve = Map.of("resolution", "GOOD_REASON", "note", "长期病休，经支部核实");
        String path = "/api/v1/members/lapse-flags/" + flagId + "/resolve";
        assertThat(send("POST", path, secretary(tree.branchB()), resolve, "If-Match", "\"0\"").status()).isEqualTo(404);
        assertThat(send("POST", path, staff(tree), resolve).status()).isEqualTo(428);
        assertThat(send("POST", path, staff(tree), Map.of("resolution", "GOOD_REASON", "note", " "), "If-Match", "\"0\"")
                .status()).isEqualTo(400);
        Reply resolved = send("POST", path, secretary(tree.branchA()), resolve, "If-Match", "\"0\"");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("note").asString()).isEqualTo("长期病休，经支部核实");
        Reply twice = send("POST", path, staff(tree), resolve, "If-Match", resolved.header("ETag"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("lapse-flag-resolved");
        assertThat(get("/api/v1/members/lapse-flags?orgId=" + tree.committee(), staff(tree)).json().path("total").asInt())
                .isEqualTo(1);

        // the same month again: the resolved flag is not raised anew
        Reply third = send("POST", "/api/v1/members/lapse-flags/run?month=2026-03&orgId=" + tree.committee(), admin(tree), null);
        assertThat(third.json().path("flagged").asInt()).isZero();
        assertThat(flagsOf(all)).isEqualTo(2);
    }

    @Test
    void runIsForAdminsAndPastMonthsOnly() {
        Tree tree = tree();
        String memberId = member(tree, tree.branchA(), "FULL", JOINED);
        setBase(tree, memberId);
        String future = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        Reply forbidden = send("POST", "/api/v1/members/lapse-flags/run?month=2026-03&orgId=" + tree.committee(), staff(tree), null);
        assertThat(forbidden.status()).isEqualTo(403);
        Reply bad = send("POST", "/api/v1/members/lapse-flags/run?month=2026-13&orgId=" + tree.committee(), admin(tree), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problem()).isEqualTo("lapse-flag-invalid-month");
        Reply later = send("POST", "/api/v1/members/lapse-flags/run?month=" + future + "&orgId=" + tree.committee(), admin(tree), null);
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.problem()).isEqualTo("lapse-flag-month-in-future");
        assertThat(flagsOf(List.of(memberId))).isZero();
    }
}
