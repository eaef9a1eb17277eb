package party.assessment.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.assessment.calendar.Period;
import party.assessment.it.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Monthly spot checks and quarterly inspections: scoring, bad input, closing, rankings and the trend. */
class InspectionIT extends IntegrationTest {

    static final Period LAST_QUARTER = Period.containing(Period.currentMonth().minusMonths(3), 3);
    static final Period THIS_QUARTER = Period.containing(Period.currentMonth(), 3);

    static String sheet(String orgId, Period period) {
        return "/api/v1/assessments/branches/" + orgId + "/periods/" + period.label();
    }

    static Map<String, Object> scores(Object... codeScoreComment) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < codeScoreComment.length; i += 3) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("indicatorCode", codeScoreComment[i]);
            s.put("score", codeScoreComment[i + 1]);
            s.put("comment", codeScoreComment[i + 2]);
            list.add(s);
        }
        return Map.of("scores", list);
    }

    @Test
    void anInspectorScoresAPeriodTheTotalCombinesEverythingAndClosingFreezesIt() {
        Orgs orgs = orgs();
        String inspector = inspector(orgs);
        String path = sheet(orgs.branchA(), LAST_QUARTER);

        Response first = post(path + "/scores", inspector, scores("P1", 2, "第二个月支委会未学习第一议题", "L3", 3, null));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"0\"");
        JsonNode view = first.json();
        assertThat(view.path("kind").asString()).isEqualTo("QUARTERLY_INSPECTION");
        JsonNode p1 = line(view, "P1");
        assertThat(p1.path("score").decimalValue()).isEqualByComparingTo("2");
        assertThat(p1.path("comment").asString()).isEqualTo("第二个月支委会未学习第一议题");
        assertThat(line(view, "P2").path("scored").asBoolean()).isFalse();
        // Manual indicators total 74 in the default template; one point deducted.
        assertThat(view.path("totals").path("manual").decimalValue()).isEqualByComparingTo("73");
        JsonNode automatic = line(view, "L1");
        assertThat(automatic.path("source").asString()).isEqualTo("AUTOMATIC");
        assertThat(automatic.path("figures").path("types").isArray()).isTrue();
        JsonNode recorded = awaitValid("party.assessment.scores-recorded.v1", e -> e.path("orgId").asString().equals(orgs.branchA()));
        assertThat(recorded.path("deductions").asInt()).isEqualTo(1);

        // Changing an existing sheet needs its ETag.
        Map<String, Object> adjust = Map.of("bonuses", List.of(Map.of("code", "B1", "points", 1, "reason", "获公司先进基层党组织")),
                "penalties", List.of(Map.of("code", "D2", "points", 2, "reason", "党费收缴被通报")));
        assertThat(post(path + "/scores", inspector, adjust).problem()).isEqualTo("if-match-required");
        Response second = post(path + "/scores", inspector, adjust, "If-Match", first.header("ETag"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode totals = second.json().path("totals");
        assertThat(totals.path("bonus").decimalValue()).isEqualByComparingTo("1");
        assertThat(totals.path("penalty").decimalValue()).isEqualByComparingTo("2");
        assertThat(totals.path("total").decimalValue()).isEqualByComparingTo(totals.path("manual").decimalValue()
                .add(totals.path("automatic").decimalValue()).add(java.math.BigDecimal.ONE).subtract(java.math.BigDecimal.TWO));

        // A period still running cannot be closed.
        Response current = post(sheet(orgs.branchA(), THIS_QUARTER) + "/scores", inspector, scores("P1", 3, null));
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        Response early = post(sheet(orgs.branchA(), THIS_QUARTER) + "/close", inspector, null, "If-Match", current.header("ETag"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.problem()).isEqualTo("period-not-ended");

        Response closed = post(path + "/close", inspector, null, "If-Match", second.header("ETag"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        JsonNode event = awaitValid("party.assessment.period-closed.v1", e -> e.path("orgId").asString().equals(orgs.branchA()));
        assertThat(new java.math.BigDecimal(event.path("totalScore").asString()))
                .isEqualByComparingTo(closed.json().path("totals").path("total").decimalValue());
        assertThat(line(closed.json(), "L1").path("figures").path("types").isArray()).as("frozen with its figures").isTrue();

        // Scoring a closed period is refused and changes nothing.
        Response late = post(path + "/scores", inspector, scores("P2", 1, "迟到的扣分"), "If-Match", closed.header("ETag"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("period-closed");
        assertThat(line(get(path, inspector).json(), "P2").path("scored").asBoolean()).isFalse();

        // The trend lists both periods in order.
        JsonNode trend = get("/api/v1/assessments/branches/" + orgs.branchA() + "/scores", secretary(orgs.branchA())).json();
        assertThat(trend).hasSize(2);
        assertThat(trend.get(0).path("period").asString()).isEqualTo(LAST_QUARTER.label());
        assertThat(trend.get(0).path("status").asString()).isEqualTo("CLOSED");
        assertThat(trend.get(1).path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void badScoresAreRefusedWithProblemDetailsAndStoreNothing() {
        Orgs orgs = orgs();
        String inspector = inspector(orgs);
        String path = sheet(orgs.branchA(), LAST_QUARTER) + "/scores";
        record Case(Object body, int status, String problem) {
        }
        List<Case> cases = List.of(
                new Case(scores("P1", 4, "多给"), 422, "score-above-max"),
                new Case(scores("P1", -1, "负数"), 422, "score-negative"),
                new Case(scores("P2", 1, null), 422, "deduction-comment-required"),
                new Case(scores("L1", 1, "自动"), 422, "indicator-automatic"),
                new Case(scores("NOPE", 1, "x"), 422, "indicator-unknown"),
                new Case(scores("P1", 1, "a", "P1", 2, "b"), 422, "duplicate-code"),
                new Case(Map.of("bonuses", List.of(Map.of("code", "B1", "points", 5, "reason", "太多"))), 422, "score-above-max"),
                new Case(Map.of("vetoes", List.of(Map.of("code", "V1"))), 422, "reason-required"),
                new Case(Map.of(), 422, "scores-empty"),
                new Case(Map.of("scores", List.of(Map.of("indicatorCode", "P1"))), 400, "invalid-request"));
        for (Case c : cases) {
            Response r = post(path, inspector, c.body());
            assertThat(r.status()).as(r.body()).isEqualTo(c.status());
            assertThat(r.problem()).isEqualTo(c.problem());
        }
        Response future = post(sheet(orgs.branchA(), Period.month(Period.currentMonth().plusMonths(1))) + "/scores", inspector,
                scores("P1", 3, null));
        assertThat(future.problem()).isEqualTo("period-in-future");
        assertThat(post("/api/v1/assessments/branches/" + orgs.branchA() + "/periods/2025/scores", inspector, scores("P1", 3, null))
                .problem()).isEqualTo("inspection-period");
        assertThat(post("/api/v1/assessments/branches/" + orgs.branchA() + "/periods/2025-13/scores", inspector, scores("P1", 3, null))
                .status()).isEqualTo(400);
        assertThat(post(sheet(orgs.general(), LAST_QUARTER) + "/scores", inspector, scores("P1", 3, null)).problem())
                .isEqualTo("not-a-branch");

        // Scope: an inspector of another committee, a secretary (not an inspector), a secretary of another branch.
        String stranger = token("inspector-x", List.of("INSPECTOR"), List.of("some-other-committee"));
        Response outside = post(path, stranger, scores("P1", 3, null));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.problem()).isEqualTo("out-of-scope");
        assertThat(post(path, secretary(orgs.branchA()), scores("P1", 3, null)).status()).isEqualTo(403);
        assertThat(get(sheet(orgs.branchA(), LAST_QUARTER), secretary(orgs.branchB())).status()).isEqualTo(404);

        assertThat(mongo.findById(orgs.branchA() + "|" + LAST_QUARTER.label(), ScoreSheet.class)).isNull();
        assertThat(get(sheet(orgs.branchA(), LAST_QUARTER), secretary(orgs.branchA())).json().path("status").asString())
                .isEqualTo("NOT_STARTED");
    }

    @Test
    void aVetoZeroesThePeriodAndRankingsOrderSiblings() {
        Orgs orgs = orgs();
        String inspector = inspector(orgs);
        YearMonth month = Period.currentMonth().minusMonths(1);
        Period spot = Period.month(month);
        Response vetoed = post(sheet(orgs.branchB(), spot) + "/scores", inspector,
                Map.of("vetoes", List.of(Map.of("code", "V2", "reason", "发生重大安全生产责任事故"))));
        assertThat(vetoed.status()).as(vetoed.body()).isEqualTo(200);
        assertThat(vetoed.json().path("kind").asString()).isEqualTo("MONTHLY_SPOT_CHECK");
        assertThat(vetoed.json().path("totals").path("vetoed").asBoolean()).isTrue();
        assertThat(vetoed.json().path("totals").path("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(post(sheet(orgs.branchA(), spot) + "/scores", inspector, scores("I5", 2, "融合不到位")).status()).isEqualTo(200);

        JsonNode siblings = get("/api/v1/assessments/branches/" + orgs.branchA() + "/periods/" + spot.label() + "/ranking",
                staff(orgs)).json();
        assertThat(siblings).hasSize(2);
        assertThat(siblings.get(0).path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(siblings.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(siblings.get(1).path("orgId").asString()).isEqualTo(orgs.branchB());
        assertThat(siblings.get(1).path("vetoed").asBoolean()).isTrue();

        JsonNode subtree = get("/api/v1/assessments/organizations/" + orgs.committee() + "/ranking?period=" + spot.label(),
                staff(orgs)).json();
        assertThat(subtree).hasSize(3);
        assertThat(subtree.get(2).path("orgId").asString()).isEqualTo(orgs.branchB());
        // A branch secretary does not see the siblings' scores.
        assertThat(get("/api/v1/assessments/branches/" + orgs.branchA() + "/periods/" + spot.label() + "/ranking",
                secretary(orgs.branchA())).status()).isEqualTo(404);
    }

    static JsonNode line(JsonNode view, String code) {
        for (JsonNode line : view.path("indicators")) {
            if (line.path("code").asString().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + view);
    }
}
