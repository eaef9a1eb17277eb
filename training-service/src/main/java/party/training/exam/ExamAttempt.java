package party.training.exam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/** A member's timed attempt at an exam: the questions drawn, the deadline, then the answers and the grade. */
@Document(ExamAttempt.COLLECTION)
public class ExamAttempt extends Aggregate {

    public static final String COLLECTION = "exam_attempts";

    private String examId;
    private String courseId;
    private String memberId;
    private String orgId;
    private List<String> questionIds;
    private Instant startedAt;
    private Instant deadline;
    private Instant submittedAt;
    private Map<String, List<Integer>> answers;
    private Integer score;
    private Boolean passed;

    ExamAttempt() {
    }

    static ExamAttempt start(String id, Exam exam, String memberId, String orgId, List<String> questionIds, Instant now) {
        ExamAttempt attempt = new ExamAttempt();
        attempt.id = id;
        attempt.examId = exam.getId();
        attempt.courseId = exam.getCourseId();
        attempt.memberId = memberId;
        attempt.orgId = orgId;
        attempt.questionIds = List.copyOf(questionIds);
        attempt.startedAt = now;
        attempt.deadline = now.plusSeconds(exam.getDurationMinutes() * 60L);
        return attempt;
    }

    void grade(Map<String, List<Integer>> given, int score, boolean passed, Instant now) {
        this.answers = given;
        this.score = score;
        this.passed = passed;
        this.submittedAt = now;
        raise(ExamAttemptGraded.TYPE, new ExamAttemptGraded(id, examId, courseId, memberId, orgId, score, passed, nextVersion()));
    }

    public String getExamId() {
        return examId;
    }

    public String getCourseId() {
        return courseId;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public List<String> getQuestionIds() {
        return questionIds;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Integer getScore() {
        return score;
    }

    public Boolean getPassed() {
        return passed;
    }
}
