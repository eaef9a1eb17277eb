package party.training.exam.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import party.platform.security.CurrentUser;
import party.training.exam.Exam;
import party.training.exam.ExamAttempt;
import party.training.exam.ExamService;
import party.training.exam.Question;
import party.training.exam.QuestionBank;
import party.training.exam.QuestionType;
import party.training.support.Hours;

/** Question banks per course, exams, timed attempts and results. */
@RestController
class ExamController {

    static final String PATH = "/api/v1/trainings";

    private final ExamService exams;

    ExamController(ExamService exams) {
        this.exams = exams;
    }

    @PostMapping(PATH + "/plans/{planId}/courses/{courseId}/questions")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<BankResponse> addQuestion(@PathVariable String planId, @PathVariable String courseId,
                                             @Valid @RequestBody QuestionRequest body) {
        QuestionBank bank = exams.addQuestion(planId, courseId, QuestionType.valueOf(body.type()), body.text(), body.options(),
                body.correct(), CurrentUser.get());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(BankResponse.of(bank));
    }

    @GetMapping(PATH + "/plans/{planId}/courses/{courseId}/questions")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<BankResponse> bank(@PathVariable String planId, @PathVariable String courseId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(BankResponse.of(exams.bank(planId, courseId, CurrentUser.get())));
    }

    @PostMapping(PATH + "/exams")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<ExamResponse> publish(@Valid @RequestBody ExamRequest body) {
        Exam exam = exams.publish(body.planId(), body.courseId(), body.title(), body.questionCount(), body.durationMinutes(),
                body.passMark(), body.creditHours() == null ? 0 : Hours.centi(body.creditHours()), CurrentUser.get());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/exams/" + exam.getId()))
                .cacheControl(CacheControl.noStore()).body(ExamResponse.of(exam));
    }

    @GetMapping(PATH + "/exams/{id}")
    ResponseEntity<ExamResponse> exam(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ExamResponse.of(exams.exam(id, CurrentUser.get())));
    }

    /** Starts a timed attempt (member account): the questions without their answers, and the deadline. */
    @PostMapping(PATH + "/exams/{id}/attempts")
    ResponseEntity<AttemptResponse> start(@PathVariable String id) {
        ExamService.Started started = exams.start(id, CurrentUser.get());
        ExamAttempt a = started.attempt();
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(new AttemptResponse(a.getId(),
                a.getExamId(), a.getStartedAt(), a.getDeadline(), started.questions().stream()
                .map(q -> new QuestionView(q.id(), q.type().name(), q.text(), q.options())).toList()));
    }

    @PostMapping(PATH + "/exam-attempts/{id}/submit")
    ResponseEntity<ResultResponse> submit(@PathVariable String id, @Valid @RequestBody SubmitRequest body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ResultResponse.of(exams.submit(id, body.answers(), CurrentUser.get())));
    }

    @GetMapping(PATH + "/exams/{id}/results")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<List<ResultResponse>> results(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(exams.results(id, CurrentUser.get()).stream().map(ResultResponse::of).toList());
    }

    /** The caller's own results (member account). */
    @GetMapping(PATH + "/me/exam-results")
    ResponseEntity<List<ResultResponse>> own() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(exams.own(CurrentUser.get()).stream().map(ResultResponse::of).toList());
    }

    record QuestionRequest(@NotNull @Pattern(regexp = "SINGLE|MULTIPLE|TRUE_FALSE") String type,
                           @NotBlank @Size(max = 2000) String text, @Size(max = 10) List<@NotBlank @Size(max = 500) String> options,
                           @NotNull @Size(min = 1, max = 10) List<@NotNull Integer> correct) {
    }

    record ExamRequest(@NotBlank @Size(max = 100) String planId, @NotBlank @Size(max = 64) String courseId,
                       @NotBlank @Size(max = 200) String title, @Min(1) @Max(200) Integer questionCount,
                       @NotNull @Min(1) @Max(600) Integer durationMinutes, @NotNull @Min(0) @Max(100) Integer passMark,
                       @DecimalMin("0") @DecimalMax("24") BigDecimal creditHours) {
    }

    record SubmitRequest(@NotNull Map<String, List<Integer>> answers) {
    }

    record BankResponse(String id, String planId, String courseId, List<Question> questions, long version) {
        static BankResponse of(QuestionBank b) {
            return new BankResponse(b.getId(), b.getPlanId(), b.getCourseId(), b.getQuestions(), b.getVersion() == null ? 0 : b.getVersion());
        }
    }

    record ExamResponse(String id, String planId, String orgId, String courseId, String title, int questionCount,
                        int durationMinutes, int passMark, BigDecimal creditHours) {
        static ExamResponse of(Exam e) {
            return new ExamResponse(e.getId(), e.getPlanId(), e.getOrgId(), e.getCourseId(), e.getTitle(), e.getQuestionCount(),
                    e.getDurationMinutes(), e.getPassMark(), Hours.decimal(e.getCreditCenti()));
        }
    }

    record QuestionView(String id, String type, String text, List<String> options) {
    }

    record AttemptResponse(String attemptId, String examId, Instant startedAt, Instant deadline, List<QuestionView> questions) {
    }

    record ResultResponse(String attemptId, String examId, String memberId, String orgId, Integer score, Boolean passed,
                          Instant startedAt, Instant submittedAt) {
        static ResultResponse of(ExamAttempt a) {
            return new ResultResponse(a.getId(), a.getExamId(), a.getMemberId(), a.getOrgId(), a.getScore(), a.getPassed(),
                    a.getStartedAt(), a.getSubmittedAt());
        }
    }
}
