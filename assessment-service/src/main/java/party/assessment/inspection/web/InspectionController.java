package party.assessment.inspection.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.assessment.inspection.InspectionKind;
import party.assessment.inspection.InspectionService;
import party.assessment.inspection.ScoreSheet;
import party.assessment.inspection.ScoreView;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;

/**
 * Spot checks (月抽查, period {@code yyyy-MM}) and inspections (季检查, period {@code yyyy-Qn}) of a
 * branch: scoring, closing, the score view, the trend, rankings.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','INSPECTOR','SECRETARY')")
class InspectionController {

    static final String BRANCH = "/api/v1/assessments/branches/{orgId}";

    private final InspectionService inspections;

    InspectionController(InspectionService inspections) {
        this.inspections = inspections;
    }

    record ScoreRequest(@Size(max = 100) List<@Valid @NotNull IndicatorScore> scores,
                        @Size(max = 50) List<@Valid @NotNull Adjustment> bonuses,
                        @Size(max = 50) List<@Valid @NotNull Adjustment> penalties,
                        @Size(max = 50) List<@Valid @NotNull Veto> vetoes) {
    }

    record IndicatorScore(@NotBlank String indicatorCode, @NotNull BigDecimal score, @Size(max = 2000) String comment) {
    }

    record Adjustment(@NotBlank String code, @NotNull BigDecimal points, @Size(max = 2000) String reason) {
    }

    record Veto(@NotBlank String code, @Size(max = 2000) String reason) {
    }

    /** Scores manual indicators (a deduction needs a comment) and applies bonus, penalty and veto items. */
    @PostMapping(BRANCH + "/periods/{period}/scores")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','INSPECTOR')")
    ResponseEntity<ScoreView> score(@PathVariable String orgId, @PathVariable String period, @Valid @RequestBody ScoreRequest body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        var scoring = new InspectionService.Scoring(
                body.scores() == null ? null : body.scores().stream()
                        .map(s -> new InspectionService.IndicatorScore(s.indicatorCode(), s.score(), s.comment())).toList(),
                adjustments(body.bonuses()), adjustments(body.penalties()),
                body.vetoes() == null ? null : body.vetoes().stream().map(v -> new InspectionService.VetoInput(v.code(), v.reason())).toList());
        ScoreSheet sheet = inspections.score(orgId, period, scoring, ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(sheet.getVersion())).body(inspections.view(sheet.getOrgId(), period, user));
    }

    @PostMapping(BRANCH + "/periods/{period}/close")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','INSPECTOR')")
    ResponseEntity<ScoreView> close(@PathVariable String orgId, @PathVariable String period,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        ScoreSheet sheet = inspections.close(orgId, period, ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(sheet.getVersion())).body(inspections.view(sheet.getOrgId(), period, user));
    }

    @GetMapping(BRANCH + "/periods/{period}")
    ResponseEntity<ScoreView> view(@PathVariable String orgId, @PathVariable String period) {
        ScoreView view = inspections.view(orgId, period, CurrentUser.get());
        var response = ResponseEntity.ok();
        if (view.version() >= 0) {
            response.eTag(ETags.of(view.version()));
        }
        return response.body(view);
    }

    /** The branch's scores over periods, oldest first. */
    @GetMapping(BRANCH + "/scores")
    List<InspectionService.PeriodScore> trend(@PathVariable String orgId, @RequestParam(required = false) InspectionKind kind,
                                              @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return inspections.trend(orgId, kind, from, to, CurrentUser.get());
    }

    /** The branch ranked among its sibling branches for a period. */
    @GetMapping(BRANCH + "/periods/{period}/ranking")
    List<InspectionService.PeriodScore> siblings(@PathVariable String orgId, @PathVariable String period) {
        return inspections.siblings(orgId, period, CurrentUser.get());
    }

    /** The branches of a subtree ranked for a period. */
    @GetMapping("/api/v1/assessments/organizations/{orgId}/ranking")
    List<InspectionService.PeriodScore> ranking(@PathVariable String orgId, @RequestParam String period) {
        return inspections.ranking(orgId, period, CurrentUser.get());
    }

    private static List<InspectionService.AdjustmentInput> adjustments(List<Adjustment> items) {
        return items == null ? null : items.stream().map(a -> new InspectionService.AdjustmentInput(a.code(), a.points(), a.reason())).toList();
    }
}
