package party.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.assessment.calendar.Period;
import party.assessment.it.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Evaluation and grading: self-evaluation, the anonymous member survey, the superior's determination, the distribution. */
class EvaluationIT extends IntegrationTest {

    static final int YEAR = Period.today().getYear();

    static String path(String branch) {
        return "/api/v1/assessments/branches/" + branch + "/evaluations/" + YEAR;
    }

    @Test
    void selfEvaluationSurveyAndDetermination() {
        Orgs orgs = orgs();
        String branch = orgs.branchA();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(registerMember(branch, i == 0 ? "PROBATIONARY" : "FULL"));
        }
        String outsider = registerMember(orgs.branchB(), "FULL");
        List<String> all = new ArrayList<>(members);
        all.add(outsider);
        awaitRoster(all);

        // No survey before the self-evaluation opens it.
        assertThat(post(path(branch) + "/survey", member(members.get(0)), Map.of("answer", "SATISFIED")).status()).isEqualTo(404);

        Response self = post(path(branch) + "/self-evaluation", secretary(branch), Map.of("score", 95, "report", "全年按期召开三会一课……"));
        assertThat(self.status()).as(self.body()).isEqualTo(200);
        assertThat(self.json().path("status").asString()).isEqualTo("SURVEY");
        JsonNode submitted = awaitValid("party.assessment.self-evaluation-submitted.v1", e -> e.path("orgId").asString().equals(branch));
        assertThat(submitted.path("selfScore").asString()).isEqualTo("95.00");

        // 8 satisfied of 10 answers: 80%, below the 90% needed for 好 or 较好.
        String[] answers = {"SATISFIED", "SATISFIED", "FAIRLY_SATISFIED", "FAIRLY_SATISFIED", "BASICALLY_SATISFIED",
                "BASICALLY_SATISFIED", "SATISFIED", "SATISFIED", "DISSATISFIED", "DISSATISFIED"};
        for (int i = 0; i < members.size(); i++) {
            Response r = post(path(branch) + "/survey", member(members.get(i)), Map.of("answer", answers[i]));
            assertThat(r.status()).as(r.body()).isEqualTo(204);
        }
        Response second = post(path(branch) + "/survey", member(members.get(0)), Map.of("answer", "DISSATISFIED"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problem()).isEqualTo("survey-already-answered");
        Response stranger = post(path(branch) + "/survey", member(outsider), Map.of("answer", "DISSATISFIED"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.problem()).isEqualTo("survey-not-a-member");
        assertThat(post(path(branch) + "/survey", member("not-registered"), Map.of("answer", "SATISFIED")).problem())
                .isEqualTo("survey-not-a-member");
        assertThat(post(path(branch) + "/survey", secretary(branch), Map.of("answer", "SATISFIED")).status()).isEqualTo(403);
        assertThat(post(path(branch) + "/survey", member(members.get(1)), Map.of("answer", "MAYBE")).status()).isEqualTo(400);
        assertThat(get(path(branch) + "/survey/mine", member(members.get(1))).json().path("answered").asBoolean()).isTrue();

        // Nobody can tell who answered what: the answers are counters, the markers carry no answer and no time.
        Document tally = mongo.findById(branch + "|" + YEAR, Document.class, "survey_tallies");
        assertThat(tally.keySet()).containsExactlyInAnyOrder("_id", "SATISFIED", "FAIRLY_SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
        Document marker = mongo.findById(branch + "|" + YEAR + "|" + members.get(0), Document.class, "survey_respondents");
        assertThat(marker.keySet()).containsExactly("_id");

        // While the survey runs the branch sees how many answered, not the counts per answer.
        JsonNode own = get(path(branch), secretary(branch)).json();
        assertThat(own.path("respondents").asLong()).isEqualTo(10);
        assertThat(own.path("survey").isNull()).isTrue();
        assertThat(own.path("satisfactionRate").isNull()).isTrue();

        String staff = staff(orgs);
        JsonNode view = get(path(branch), staff).json();
        assertThat(view.path("respondents").asLong()).isEqualTo(10);
        assertThat(view.path("members").asLong()).isEqualTo(10);
        assertThat(view.path("satisfactionRate").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(view.path("survey").path("DISSATISFIED").asLong()).isEqualTo(2);

        // The branch cannot grade itself.
        Response selfGrade = post(path(branch) + "/determination", token("s", List.of("ORG_STAFF"), List.of(branch)),
                Map.of("score", 95), "If-Match", self.header("ETag"));
        assertThat(selfGrade.problem()).isEqualTo("superior-only");
        // 好 outside the rules without a reason: refused, nothing determined.
        Response noReason = post(path(branch) + "/determination", staff, Map.of("score", 95, "grade", "GOOD"), "If-Match", self.header("ETag"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.problem()).isEqualTo("grade-needs-reason");
        assertThat(get(path(branch), staff).json().path("status").asString()).isEqualTo("SURVEY");

        Response computed = post(path(branch) + "/determination", staff, Map.of("score", 95), "If-Match", self.header("ETag"));
        assertThat(computed.status()).as(computed.body()).isEqualTo(200);
        JsonNode determination = computed.json().path("determination");
        assertThat(determination.path("computedGrade").asString()).isEqualTo("AVERAGE");
        assertThat(determination.path("appliedRules").get(0).asString()).isEqualTo("SATISFACTION_BELOW_MINIMUM");
        assertThat(determination.path("overridden").asBoolean()).isFalse();
        JsonNode graded = awaitValid("party.assessment.grade-determined.v1", e -> e.path("orgId").asString().equals(branch));
        assertThat(graded.path("grade").asString()).isEqualTo("AVERAGE");
        assertThat(graded.path("satisfactionRate").asString()).isEqualTo("0.8000");
        // The survey is closed now.
        assertThat(post(path(branch) + "/survey", member(members.get(0)), Map.of("answer", "SATISFIED")).problem()).isEqualTo("survey-closed");

        // The superior overrides with a recorded reason.
        Response overridden = post(path(branch) + "/determination", staff,
                Map.of("score", 95, "grade", "FAIRLY_GOOD", "reason", "不满意票集中于食堂问题，已整改"), "If-Match", computed.header("ETag"));
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
        assertThat(overridden.json().path("determination").path("overridden").asBoolean()).isTrue();
        assertThat(overridden.json().path("determination").path("reason").asString()).startsWith("不满意票");
        awaitValid("party.assessment.grade-determined.v1", e -> e.path("orgId").asString().equals(branch) && e.path("overridden").asBoolean());

        // Branch B: no member answered; the public's paper survey (群众测评) is recorded by the superior: 9 of 10 satisfied.
        String b = orgs.branchB();
        Response selfB = post(path(b) + "/self-evaluation", secretary(b), Map.of("score", 85, "report", "自评"));
        Map<String, Object> paper = Map.of("satisfied", 5, "fairlySatisfied", 3, "basicallySatisfied", 1, "dissatisfied", 1);
        assertThat(post(path(b) + "/public-survey", secretary(b), paper, "If-Match", selfB.header("ETag")).status()).isEqualTo(403);
        assertThat(post(path(b) + "/public-survey", staff, Map.of("satisfied", -1, "fairlySatisfied", 0, "basicallySatisfied", 0,
                "dissatisfied", 0), "If-Match", selfB.header("ETag")).status()).isEqualTo(400);
        Response recorded = post(path(b) + "/public-survey", staff, paper, "If-Match", selfB.header("ETag"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().path("publicRespondents").asLong()).isEqualTo(10);
        assertThat(recorded.json().path("respondents").asLong()).isZero();
        assertThat(recorded.json().path("satisfactionRate").decimalValue()).isEqualByComparingTo("0.9");
        Response gradedB = post(path(b) + "/determination", staff, Map.of("score", 85), "If-Match", recorded.header("ETag"));
        assertThat(gradedB.json().path("determination").path("grade").asString()).isEqualTo("FAIRLY_GOOD");
        awaitValid("party.assessment.grade-determined.v1", e -> e.path("orgId").asString().equals(b)
                && e.path("publicRespondents").asLong() == 10);
        JsonNode distribution = get("/api/v1/assessments/organizations/" + orgs.committee() + "/grades?year=" + YEAR, staff).json();
        assertThat(distribution.path("branches").asInt()).isEqualTo(3);
        assertThat(distribution.path("counts").path("FAIRLY_GOOD").asLong()).isEqualTo(2);
        assertThat(distribution.path("counts").path("AVERAGE").asLong()).isZero();
        assertThat(distribution.path("ungraded").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/assessments/organizations/" + orgs.committee() + "/grades?year=" + YEAR, secretary(branch)).status())
                .isEqualTo(404);
    }

    @Test
    void badSelfEvaluationsAreRefused() {
        Orgs orgs = orgs();
        String branch = orgs.branchA();
        assertThat(post(path(branch) + "/self-evaluation", secretary(branch), Map.of("score", 101, "report", "x")).status()).isEqualTo(400);
        assertThat(post(path(branch) + "/self-evaluation", secretary(orgs.branchB()), Map.of("score", 90, "report", "x")).problem())
                .isEqualTo("out-of-scope");
        assertThat(post("/api/v1/assessments/branches/" + branch + "/evaluations/" + (YEAR + 1) + "/self-evaluation", secretary(branch),
                Map.of("score", 90, "report", "x")).problem()).isEqualTo("year-invalid");
        assertThat(post(path(branch) + "/determination", staff(orgs), Map.of("score", 90), "If-Match", "\"0\"").problem())
                .isEqualTo("evaluation-not-ready");
        assertThat(mongo.findById(branch + "|" + YEAR, Document.class, "evaluations")).isNull();
    }
}
