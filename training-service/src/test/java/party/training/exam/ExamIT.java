package party.training.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.training.it.IntegrationTest;
import party.training.support.TrainingCalendar;
import tools.jackson.databind.JsonNode;

/** Question banks per course, timed attempts graded by the server, credit on passing once. */
class ExamIT extends IntegrationTest {

    @Test
    void aTimedAttemptIsGradedOnceAndAPassCreditsTheHoursOnce() {
        Orgs orgs = orgs();
        int year = TrainingCalendar.yearOf(CLOCK.instant());
        String planId = post("/api/v1/trainings/plans", staff(orgs), Map.of("orgId", orgs.committee(), "year", year, "title", "p"))
                .json().path("id").asString();
        String courseId = post("/api/v1/trainings/plans/" + planId + "/courses", staff(orgs), Map.of("title", "党章", "mustLearn", true),
                "If-Match", "\"0\"").json().path("courses").get(0).path("id").asString();
        String questions = "/api/v1/trainings/plans/" + planId + "/courses/" + courseId + "/questions";

        Response invalid = post(questions, staff(orgs), Map.of("type", "SINGLE", "text", "?", "options", List.of("a", "b"),
                "correct", List.of(0, 1)));
        assertThat(invalid.problem()).isEqualTo("exam-question-invalid");
        assertThat(post(questions, staff(orgs), Map.of("type", "ESSAY", "text", "?", "correct", List.of(0))).status()).isEqualTo(400);
        assertThat(post(questions, secretary(orgs.branchA()), Map.of("type", "TRUE_FALSE", "text", "?", "correct", List.of(0))).status())
                .isEqualTo(404);
        assertThat(post(questions, staff(orgs), Map.of("type", "SINGLE", "text", "党的最高理想是？", "options",
                List.of("实现共产主义", "其他"), "correct", List.of(0))).status()).isEqualTo(201);
        assertThat(post(questions, staff(orgs), Map.of("type", "MULTIPLE", "text", "三会一课包括？", "options",
                List.of("支部党员大会", "支委会", "党小组会", "茶话会"), "correct", List.of(0, 1, 2))).status()).isEqualTo(201);
        Response bank = post(questions, staff(orgs), Map.of("type", "TRUE_FALSE", "text", "预备期为一年。", "correct", List.of(0)));
        assertThat(bank.json().path("questions")).hasSize(3);
        awaitEvent("party.training.question-bank-changed.v1", bank.json().path("id").asString());

        assertThat(post("/api/v1/trainings/exams", staff(orgs), Map.of("planId", planId, "courseId", courseId, "title", "t",
                "questionCount", 4, "durationMinutes", 30, "passMark", 60)).problem()).isEqualTo("exam-question-count");
        Response exam = post("/api/v1/trainings/exams", staff(orgs), Map.of("planId", planId, "courseId", courseId,
                "title", "党章知识测试", "durationMinutes", 30, "passMark", 60, "creditHours", 1));
        assertThat(exam.status()).isEqualTo(201);
        String examId = exam.json().path("id").asString();
        assertThat(awaitEvent("party.training.exam-published.v1", examId).path("creditHours").asString()).isEqualTo("1");

        String memberA = registeredMember(orgs.branchA());
        Response started = post("/api/v1/trainings/exams/" + examId + "/attempts", member(memberA), null);
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.body()).doesNotContain("correct");
        Map<String, List<Integer>> answers = new HashMap<>();
        for (JsonNode q : started.json().path("questions")) {
            String text = q.path("text").asString();
            answers.put(q.path("id").asString(), text.startsWith("三会一课") ? List.of(2, 1, 0) : List.of(0));
        }
        String attemptId = started.json().path("attemptId").asString();
        assertThat(post("/api/v1/trainings/exam-attempts/" + attemptId + "/submit", member(registeredMember(orgs.branchA())),
                Map.of("answers", answers)).status()).isEqualTo(404);
        Response graded = post("/api/v1/trainings/exam-attempts/" + attemptId + "/submit", member(memberA), Map.of("answers", answers));
        assertThat(graded.status()).isEqualTo(200);
        assertThat(graded.json().path("score").asInt()).isEqualTo(100);
        assertThat(graded.json().path("passed").asBoolean()).isTrue();
        assertThat(awaitEvent("party.training.exam-attempt-graded.v1", attemptId).path("score").asInt()).isEqualTo(100);
        assertThat(post("/api/v1/trainings/exam-attempts/" + attemptId + "/submit", member(memberA), Map.of("answers", answers))
                .problem()).isEqualTo("exam-attempt-submitted");

        // A second pass of the same exam does not credit again.
        String second = post("/api/v1/trainings/exams/" + examId + "/attempts", member(memberA), null).json().path("attemptId").asString();
        post("/api/v1/trainings/exam-attempts/" + second + "/submit", member(memberA), Map.of("answers", answers));
        assertThat(get("/api/v1/trainings/me/progress?year=" + year, member(memberA)).json().path("bySource").path("EXAM").decimalValue())
                .isEqualByComparingTo("1");

        // Too late: nothing graded.
        String memberB = registeredMember(orgs.branchB());
        String late = post("/api/v1/trainings/exams/" + examId + "/attempts", member(memberB), null).json().path("attemptId").asString();
        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(post("/api/v1/trainings/exam-attempts/" + late + "/submit", member(memberB), Map.of("answers", answers)).problem())
                .isEqualTo("exam-attempt-expired");
        assertThat(mongo.findById(late, ExamAttempt.class).getSubmittedAt()).isNull();

        assertThat(get("/api/v1/trainings/me/exam-results", member(memberA)).json()).hasSize(2);
        assertThat(get("/api/v1/trainings/me/exam-results", member(memberB)).json()).isEmpty();
        JsonNode results = get("/api/v1/trainings/exams/" + examId + "/results", staff(orgs)).json();
        assertThat(results).hasSize(2);
        assertThat(get("/api/v1/trainings/exams/" + examId + "/results", secretary(orgs.branchA())).status()).isEqualTo(404);
        assertThat(get("/api/v1/trainings/exams/" + examId, member(registeredMember(orgs().branchA()))).status()).isEqualTo(404);
    }
}
