package party.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static party.systemtests.SharedStack.gateway;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.platform.test.TestHttp;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import tools.jackson.databind.JsonNode;

/**
 * Training through the gateway with real tokens: the demo's yearly plan and its generated sessions,
 * and the member1 account checking in to an on-site session with its code, the session held by the
 * organization department and the credit hours appearing in member1's own progress.
 */
@ExtendWith(SharedStack.class)
class TrainingST {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static RunningStack stack;
    private static String admin;
    private static String member1;
    private static String plan;
    private static int year;

    @BeforeAll
    static void start(RunningStack shared) {
        stack = shared;
        admin = stack.token("admin");
        member1 = stack.token("member1");
        year = ZonedDateTime.now(SHANGHAI).getYear();
        TestHttp.Response plans = gateway(stack, admin).get("/api/v1/trainings/plans?orgId="
                + stack.demo().require(DemoDirectory.COMMITTEE) + "&year=" + year);
        assertThat(plans.status()).as(plans.raw()).isEqualTo(200);
        assertThat(plans.json().get("total").asLong()).isEqualTo(1);
        plan = plans.json().get("items").get(0).get("id").asString();
    }

    @Test
    void theDemoPlanHasItsTargetsAMustLearnCourseAndSessionsOnTheFirstAndThirdTuesdays() {
        JsonNode demo = gateway(stack, admin).get("/api/v1/trainings/plans/" + plan).json();
        assertThat(demo.get("memberTargetHours").decimalValue()).isEqualByComparingTo("32");
        assertThat(demo.get("leaderTargetHours").decimalValue()).isEqualByComparingTo("56");
        assertThat(demo.get("courses").valueStream().anyMatch(c -> c.get("mustLearn").asBoolean())).isTrue();

        Instant from = ZonedDateTime.of(year, 3, 1, 0, 0, 0, 0, SHANGHAI).toInstant();
        Instant to = ZonedDateTime.of(year, 11, 1, 0, 0, 0, 0, SHANGHAI).toInstant();
        TestHttp.Response sessions = gateway(stack, admin).get("/api/v1/trainings/sessions?orgId="
                + stack.demo().require(DemoDirectory.COMMITTEE) + "&from=" + from + "&to=" + to + "&size=100");
        assertThat(sessions.status()).as(sessions.raw()).isEqualTo(200);
        List<ZonedDateTime> starts = sessions.json().get("items").valueStream()
                .filter(s -> s.get("planId").asString().equals(plan))
                .map(s -> Instant.parse(s.get("startsAt").asString()).atZone(SHANGHAI)).toList();
        assertThat(starts).hasSize(16).allSatisfy(start -> {
            assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat((start.getDayOfMonth() - 1) / 7).isIn(0, 2); // the 1st or the 3rd Tuesday
            assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(14, 30));
        });
    }

    @Test
    void member1ChecksInWithTheCodeAndTheHeldSessionsCreditHoursAppearInTheirProgress() {
        // A session under way now (the check-in window is open), created by the organization department.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        TestHttp.Response created = gateway(stack, admin).post("/api/v1/trainings/plans/" + plan + "/sessions", Map.of(
                "title", "系统测试专题学习", "mode", "ONSITE", "startsAt", now.minus(Duration.ofMinutes(10)).toString(),
                "endsAt", now.plus(Duration.ofMinutes(80)).toString(), "location", "矿机关党员活动室", "creditHours", 1.5));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String session = created.json().get("id").asString();
        String code = created.json().get("checkInCode").asString();
        assertThat(code).matches("\\d{6}");

        TestHttp.Response mine = gateway(stack, member1).get("/api/v1/trainings/sessions/" + session);
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.raw()).as("a member never sees the code").doesNotContain(code);
        BigDecimal before = progress().get("totalHours").decimalValue();

        TestHttp.Response wrong = gateway(stack, member1).post("/api/v1/trainings/sessions/" + session + "/check-in",
                Map.of("code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("type").asString()).endsWith(":check-in-wrong-code");
        TestHttp.Response checkedIn = gateway(stack, member1).post("/api/v1/trainings/sessions/" + session + "/check-in",
                Map.of("code", code));
        assertThat(checkedIn.status()).as(checkedIn.raw()).isEqualTo(200);

        String etag = gateway(stack, admin).get("/api/v1/trainings/sessions/" + session).header("ETag");
        TestHttp.Response held = gateway(stack, admin).header("If-Match", etag)
                .post("/api/v1/trainings/sessions/" + session + "/hold", Map.of());
        assertThat(held.status()).as(held.raw()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode progress = progress();
            assertThat(progress.get("totalHours").decimalValue()).isEqualByComparingTo(before.add(new BigDecimal("1.5")));
            assertThat(progress.get("bySource").get("SESSION").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("1.5"));
        });
    }

    /** member1's own progress; their member id comes from the token's member_id claim. */
    private static JsonNode progress() {
        TestHttp.Response progress = gateway(stack, member1).get("/api/v1/trainings/me/progress?year=" + year);
        assertThat(progress.status()).as(progress.raw()).isEqualTo(200);
        assertThat(progress.json().get("memberId").asString()).isEqualTo(stack.demo().require(DemoDirectory.MEMBER_1));
        return progress.json();
    }
}
