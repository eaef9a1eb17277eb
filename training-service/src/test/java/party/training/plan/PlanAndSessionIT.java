package party.training.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.training.it.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Plans with targets and a monthly split; sessions generated from a recurrence rule and edited one by one. */
class PlanAndSessionIT extends IntegrationTest {

    static final int YEAR = 2026;

    Map<String, Object> plan(String orgId) {
        return Map.of("orgId", orgId, "year", YEAR, "title", "2026年度党员集中培训计划", "memberTargetHours", 32,
                "leaderTargetHours", 56, "months", List.of(Map.of("month", 3, "hours", 16), Map.of("month", 4, "hours", 16)));
    }

    @Test
    void aPlanIsCreatedOncePerOrganizationAndYearAndPublished() {
        Orgs orgs = orgs();
        Response created = post("/api/v1/trainings/plans", staff(orgs), plan(orgs.committee()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("memberTargetHours").asString()).isEqualTo("32");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode event = awaitEvent("party.training.plan-saved.v1", id);
        assertThat(event.path("leaderTargetHours").asString()).isEqualTo("56");
        assertThat(event.path("monthlyHours")).hasSize(2);

        assertThat(post("/api/v1/trainings/plans", staff(orgs), plan(orgs.committee())).problem()).isEqualTo("plan-exists");

        // A course added with If-Match; a stale ETag is a 412 and changes nothing.
        Response course = post("/api/v1/trainings/plans/" + id + "/courses", staff(orgs),
                Map.of("title", "第一议题：学习习近平新时代中国特色社会主义思想", "mustLearn", true, "firstAgendaItem", true), "If-Match", "\"0\"");
        assertThat(course.status()).isEqualTo(201);
        assertThat(course.json().path("courses").get(0).path("firstAgendaItem").asBoolean()).isTrue();
        assertThat(post("/api/v1/trainings/plans/" + id + "/courses", staff(orgs), Map.of("title", "x"), "If-Match", "\"0\"").status())
                .isEqualTo(412);
        assertThat(get("/api/v1/trainings/plans/" + id, staff(orgs)).json().path("courses")).hasSize(1);
    }

    @Test
    void badPlansAreRejectedAndStoreNothing() {
        Orgs orgs = orgs();
        Map<String, Object> noTitle = Map.of("orgId", orgs.branchA(), "year", YEAR);
        Response missing = post("/api/v1/trainings/plans", staff(orgs), noTitle);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problem()).isEqualTo("invalid-request");

        Response months = post("/api/v1/trainings/plans", staff(orgs), Map.of("orgId", orgs.branchA(), "year", YEAR, "title", "t",
                "months", List.of(Map.of("month", 3, "hours", 10))));
        assertThat(months.status()).isEqualTo(422);
        assertThat(months.problem()).isEqualTo("plan-months-sum");

        Response precision = post("/api/v1/trainings/plans", staff(orgs), Map.of("orgId", orgs.branchA(), "year", YEAR, "title", "t",
                "memberTargetHours", "32.005"));
        assertThat(precision.problem()).isEqualTo("hours-precision");

        // A secretary of branch B cannot plan for branch A, nor see A's plan.
        Response foreign = post("/api/v1/trainings/plans", secretary(orgs.branchB()), plan(orgs.branchA()));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(mongo.findById(TrainingPlan.idOf(orgs.branchA(), YEAR), TrainingPlan.class)).isNull();

        assertThat(post("/api/v1/trainings/plans", staff(orgs), plan(orgs.branchA())).status()).isEqualTo(201);
        assertThat(get("/api/v1/trainings/plans/" + TrainingPlan.idOf(orgs.branchA(), YEAR), secretary(orgs.branchB())).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/trainings/plans/" + TrainingPlan.idOf(orgs.branchA(), YEAR), secretary(orgs.branchA())).status())
                .isEqualTo(200);
        // Members cannot create plans at all.
        assertThat(post("/api/v1/trainings/plans", member("m-1"), plan(orgs.branchB())).status()).isEqualTo(403);
    }

    @Test
    void sessionsAreGeneratedFromTheRuleOnceAndEditedOneByOne() {
        Orgs orgs = orgs();
        String planId = post("/api/v1/trainings/plans", staff(orgs), plan(orgs.committee())).json().path("id").asString();
        Map<String, Object> rule = Map.of("byDay", List.of("1TU", "3TU"), "fromMonth", 3, "toMonth", 10, "startTime", "14:30",
                "endTime", "17:00", "title", "集中培训", "mode", "LIVE");
        Response generated = post("/api/v1/trainings/plans/" + planId + "/sessions/generate", staff(orgs), rule);
        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.json().path("created").asInt()).isEqualTo(16);
        JsonNode first = generated.json().path("sessions").get(0);
        // 2026-03-03 is the first Tuesday of March; 14:30 in Shanghai.
        assertThat(Instant.parse(first.path("startsAt").asString()))
                .isEqualTo(ZonedDateTime.of(2026, 3, 3, 14, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(first.path("creditHours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(first.path("conference").path("provider").asString()).isEqualTo("共产党员之家");
        assertThat(first.path("conference").path("joinUrl").asString()).contains(first.path("conference").path("roomId").asString());
        assertThat(first.path("checkInCode").asString()).matches("[0-9]{6}");
        String sessionId = first.path("id").asString();
        JsonNode scheduled = awaitEvent("party.training.session-scheduled.v1", sessionId);
        assertThat(scheduled.path("mode").asString()).isEqualTo("LIVE");

        Response again = post("/api/v1/trainings/plans/" + planId + "/sessions/generate", staff(orgs), rule);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("skipped").asInt()).isEqualTo(16);

        Response bad = post("/api/v1/trainings/plans/" + planId + "/sessions/generate", staff(orgs),
                Map.of("byDay", List.of("9XX"), "fromMonth", 3, "toMonth", 10, "startTime", "14:30", "endTime", "17:00",
                        "title", "t", "mode", "ONSITE"));
        assertThat(bad.problem()).isEqualTo("recurrence-by-day");

        // Edited one by one: the member view hides the check-in code.
        Map<String, Object> edit = Map.of("title", "集中培训（改期）", "mode", "ONSITE", "startsAt", "2026-03-04T06:30:00Z",
                "endsAt", "2026-03-04T08:30:00Z", "location", "矿部三楼会议室");
        assertThat(put("/api/v1/trainings/sessions/" + sessionId, staff(orgs), edit).status()).isEqualTo(428);
        Response edited = put("/api/v1/trainings/sessions/" + sessionId, staff(orgs), edit, "If-Match", "\"0\"");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("creditHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(edited.json().path("conference").isNull()).isTrue();
        assertThat(awaitEvent("party.training.session-updated.v1", sessionId).path("mode").asString()).isEqualTo("ONSITE");
        Response outside = put("/api/v1/trainings/sessions/" + sessionId, staff(orgs), Map.of("title", "t", "mode", "ONSITE",
                "startsAt", "2027-03-04T06:30:00Z", "endsAt", "2027-03-04T08:30:00Z"), "If-Match", "\"1\"");
        assertThat(outside.problem()).isEqualTo("session-outside-plan-year");

        String member = registeredMember(orgs.branchA());
        Response seen = get("/api/v1/trainings/sessions/" + sessionId, member(member));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("checkInCode").isNull()).isTrue();
        assertThat(get("/api/v1/trainings/sessions/" + sessionId, secretary(orgs.dissolved())).status()).isEqualTo(404);
        JsonNode mine = get("/api/v1/trainings/me/sessions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z", member(member)).json();
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(mine.path("items").get(0).path("checkInCode").isNull()).isTrue();
        assertThat(get("/api/v1/trainings/me/sessions", member(registeredMember(orgs().branchA()))).json().path("total").asLong()).isZero();
        assertThat(get("/api/v1/trainings/sessions?orgId=" + orgs.committee(), staff(orgs)).json().path("total").asLong())
                .isEqualTo(16);
    }
}
