package party.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static party.systemtests.SharedStack.gateway;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
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
 * Assessment through the gateway with real tokens: the inspector scores a branch's month on the
 * default template and the period view shows the manual line with its deduction beside the
 * automatic lines with their figures; member1 answers their branch's survey once, a second answer is
 * a conflict.
 */
@ExtendWith(SharedStack.class)
class AssessmentST {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static RunningStack stack;

    @BeforeAll
    static void start(RunningStack shared) {
        stack = shared;
    }

    @Test
    void theInspectorScoresABranchsMonthAndThePeriodViewShowsManualAndAutomaticLines() {
        String inspector = stack.token("inspector");
        String branch = stack.demo().require(DemoDirectory.BRANCH_2);
        String period = "/api/v1/assessments/branches/" + branch + "/periods/" + YearMonth.now(SHANGHAI);

        TestHttp.Response noComment = gateway(stack, inspector).post(period + "/scores",
                Map.of("scores", List.of(Map.of("indicatorCode", "P2", "score", 2))));
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.json().get("type").asString()).endsWith(":deduction-comment-required");
        assertThat(gateway(stack, inspector).get(period).json().get("status").asString()).isEqualTo("NOT_STARTED");

        TestHttp.Response scored = gateway(stack, inspector).post(period + "/scores", Map.of("scores", List.of(
                Map.of("indicatorCode", "P2", "score", 2, "comment", "党建工作责任书一项未落实，扣1分"))));
        assertThat(scored.status()).as(scored.raw()).isEqualTo(200);

        JsonNode view = gateway(stack, inspector).get(period).json();
        assertThat(view.get("status").asString()).isEqualTo("OPEN");
        assertThat(view.get("templateId").asString()).isEqualTo("default-v1");
        JsonNode p2 = line(view, "P2");
        assertThat(p2.get("source").asString()).isEqualTo("MANUAL");
        assertThat(p2.get("score").decimalValue()).isEqualByComparingTo("2");
        assertThat(p2.get("comment").asString()).contains("扣1分");
        JsonNode l1 = line(view, "L1");
        assertThat(l1.get("source").asString()).isEqualTo("AUTOMATIC");
        assertThat(l1.get("metric").asString()).isEqualTo("ORG_LIFE_COMPLIANCE");
        assertThat(l1.get("figures").isObject()).as(l1.toString()).isTrue();
        assertThat(view.get("totals").get("manual").decimalValue()).isGreaterThan(java.math.BigDecimal.ZERO);
        assertThat(view.get("totals").has("automatic")).isTrue();

        // A secretary is not an inspector: the branch's own secretary cannot score it.
        assertThat(gateway(stack, stack.token("secretary2")).post(period + "/scores", Map.of("scores", List.of())).status())
                .isEqualTo(403);
    }

    @Test
    void member1AnswersTheirBranchsSurveyOnceAndASecondAnswerIsAConflict() {
        String branch = stack.demo().require(DemoDirectory.BRANCH_1);
        String evaluation = "/api/v1/assessments/branches/" + branch + "/evaluations/" + YearMonth.now(SHANGHAI).getYear();
        TestHttp.Response opened = gateway(stack, stack.token("secretary1")).post(evaluation + "/self-evaluation",
                Map.of("score", 88, "report", "本年度支部认真落实“三会一课”，党员教育管理规范。"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(200);

        TestHttp member1 = gateway(stack, stack.token("member1"));
        // assessment-service knows member1's branch from member-service's event; the demo load has waited for it.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(member1.get(evaluation + "/survey/mine").status()).isEqualTo(200));
        TestHttp.Response first = member1.post(evaluation + "/survey", Map.of("answer", "SATISFIED"));
        assertThat(first.status()).as(first.raw()).isEqualTo(204);
        TestHttp.Response second = member1.post(evaluation + "/survey", Map.of("answer", "DISSATISFIED"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).endsWith(":survey-already-answered");
        assertThat(member1.get(evaluation + "/survey/mine").json().get("answered").asBoolean()).isTrue();
    }

    private static JsonNode line(JsonNode view, String code) {
        return view.get("indicators").valueStream().filter(l -> l.get("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + code + " in " + view));
    }
}
