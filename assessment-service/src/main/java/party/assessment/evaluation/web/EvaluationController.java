package party.assessment.evaluation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.assessment.evaluation.BranchEvaluation;
import party.assessment.evaluation.EvaluationService;
import party.assessment.evaluation.Grade;
import party.assessment.evaluation.SurveyAnswer;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;

/** Evaluation and grading (评估定级) of a branch for a year, the member survey, and grade distributions. */
@RestController
class EvaluationController {

    static final String PATH = "/api/v1/assessments/branches/{orgId}/evaluations/{year}";

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    record SelfEvaluationRequest(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score,
                                 @NotBlank @Size(max = 20000) String report) {
    }

    record SurveyRequest(@NotNull SurveyAnswer answer) {
    }

    record PublicSurveyRequest(@NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100000) Long satisfied,
                               @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100000) Long fairlySatisfied,
                               @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100000) Long basicallySatisfied,
                               @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100000) Long dissatisfied) {
        Map<SurveyAnswer, Long> counts() {
            return Map.of(SurveyAnswer.SATISFIED, satisfied, SurveyAnswer.FAIRLY_SATISFIED, fairlySatisfied,
                    SurveyAnswer.BASICALLY_SATISFIED, basicallySatisfied, SurveyAnswer.DISSATISFIED, dissatisfied);
        }
    }

    record DeterminationRequest(@NotNull @DecimalMin("0") @DecimalMax("120") BigDecimal score, Grade grade,
                                @Size(max = 2000) String reason) {
    }

    @PostMapping(PATH + "/self-evaluation")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<EvaluationService.EvaluationView> selfEvaluate(@PathVariable String orgId, @PathVariable int year,
                                                                  @Valid @RequestBody SelfEvaluationRequest body,
                                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        BranchEvaluation saved = evaluations.selfEvaluate(orgId, year, body.score(), body.report(), ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(saved.getVersion())).body(evaluations.view(orgId, year, user));
    }

    /** A member's answer from the app (role MEMBER, the member_id claim); answers once, anonymously. */
    @PostMapping(PATH + "/survey")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<Void> answer(@PathVariable String orgId, @PathVariable int year, @Valid @RequestBody SurveyRequest body) {
        evaluations.answer(orgId, year, body.answer(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PATH + "/survey/mine")
    @PreAuthorize("hasRole('MEMBER')")
    Map<String, Boolean> answered(@PathVariable String orgId, @PathVariable int year) {
        return Map.of("answered", evaluations.answered(orgId, year, CurrentUser.get()));
    }

    /** The public's answers (群众测评) collected on paper, recorded by the superior while the survey is open. */
    @PostMapping(PATH + "/public-survey")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<EvaluationService.EvaluationView> publicSurvey(@PathVariable String orgId, @PathVariable int year,
                                                                  @Valid @RequestBody PublicSurveyRequest body,
                                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        BranchEvaluation saved = evaluations.recordPublicSurvey(orgId, year, body.counts(), ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(saved.getVersion())).body(evaluations.view(orgId, year, user));
    }

    /** The superior's determination; a grade other than the computed one needs a reason. */
    @PostMapping(PATH + "/determination")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<EvaluationService.EvaluationView> determine(@PathVariable String orgId, @PathVariable int year,
                                                               @Valid @RequestBody DeterminationRequest body,
                                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        BranchEvaluation saved = evaluations.determine(orgId, year, body.score(), body.grade(), body.reason(), ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(saved.getVersion())).body(evaluations.view(orgId, year, user));
    }

    @GetMapping(PATH)
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
    ResponseEntity<EvaluationService.EvaluationView> view(@PathVariable String orgId, @PathVariable int year) {
        EvaluationService.EvaluationView view = evaluations.view(orgId, year, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** Grade distribution of the subtree's branches. */
    @GetMapping("/api/v1/assessments/organizations/{orgId}/grades")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
    EvaluationService.Distribution distribution(@PathVariable String orgId, @RequestParam int year) {
        return evaluations.distribution(orgId, year, CurrentUser.get());
    }
}
