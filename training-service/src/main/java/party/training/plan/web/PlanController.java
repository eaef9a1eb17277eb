package party.training.plan.web;

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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.plan.PlanService;
import party.training.plan.TrainingPlan;
import party.training.support.Hours;

/** Yearly training plans of organizations. */
@RestController
@RequestMapping(PlanController.PATH)
class PlanController {

    static final String PATH = "/api/v1/trainings/plans";

    private final PlanService plans;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    PlanController(PlanService plans, Idempotency idempotency, PlatformProperties properties) {
        this.plans = plans;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<TrainingPlan> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> plans.create(body.orgId().strip(), body.year(), body.input(), user), TrainingPlan::getId,
                id -> plans.get(id, user));
        TrainingPlan plan = created.value();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + plan.getId()))
                .eTag(ETags.of(plan.getVersion())).header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore()).body(PlanResponse.of(plan));
    }

    @GetMapping("/{id}")
    ResponseEntity<PlanResponse> get(@PathVariable String id) {
        return one(plans.get(id, CurrentUser.get()));
    }

    @GetMapping
    ResponseEntity<PageResponse<PlanResponse>> list(@RequestParam String orgId, @RequestParam(required = false) Integer year,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(plans.list(orgId, year,
                PageRequest.of(page, size, properties.paging()), CurrentUser.get()).map(PlanResponse::of));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<PlanResponse> update(@PathVariable String id, @Valid @RequestBody PlanChangeRequest body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return one(plans.update(id, new PlanService.PlanInput(body.title(), body.memberTargetHours(), body.leaderTargetHours(),
                months(body.months())), ifMatch, CurrentUser.get()));
    }

    @PostMapping("/{id}/courses")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<PlanResponse> addCourse(@PathVariable String id, @Valid @RequestBody CourseRequest body,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TrainingPlan plan = plans.addCourse(id, body.title(), body.content(), Boolean.TRUE.equals(body.mustLearn()),
                Boolean.TRUE.equals(body.firstAgendaItem()), ifMatch, CurrentUser.get());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(plan.getVersion())).cacheControl(CacheControl.noStore())
                .body(PlanResponse.of(plan));
    }

    private static ResponseEntity<PlanResponse> one(TrainingPlan plan) {
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).cacheControl(CacheControl.noStore()).body(PlanResponse.of(plan));
    }

    static List<TrainingPlan.MonthHours> months(List<MonthRequest> months) {
        return months == null ? List.of() : months.stream()
                .map(m -> new TrainingPlan.MonthHours(m.month(), m.hours().toPlainString())).toList();
    }

    record MonthRequest(@NotNull @Min(1) @Max(12) Integer month,
                        @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal hours) {
    }

    record PlanRequest(@NotBlank @Size(max = 64) String orgId, @NotNull @Min(1921) @Max(9999) Integer year,
                       @NotBlank @Size(max = 200) String title,
                       @DecimalMin("0") @DecimalMax("1000") BigDecimal memberTargetHours,
                       @DecimalMin("0") @DecimalMax("1000") BigDecimal leaderTargetHours,
                       @Size(max = 12) List<@NotNull @Valid MonthRequest> months) {
        PlanService.PlanInput input() {
            return new PlanService.PlanInput(title, memberTargetHours, leaderTargetHours, PlanController.months(months));
        }
    }

    record PlanChangeRequest(@NotBlank @Size(max = 200) String title,
                             @DecimalMin("0") @DecimalMax("1000") BigDecimal memberTargetHours,
                             @DecimalMin("0") @DecimalMax("1000") BigDecimal leaderTargetHours,
                             @Size(max = 12) List<@NotNull @Valid MonthRequest> months) {
    }

    record CourseRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String content, Boolean mustLearn,
                         Boolean firstAgendaItem) {
    }

    record PlanResponse(String id, String orgId, int year, String title, BigDecimal memberTargetHours,
                        BigDecimal leaderTargetHours, List<TrainingPlan.MonthHours> months, List<TrainingPlan.Course> courses,
                        String createdBy, Instant createdAt, long version) {
        static PlanResponse of(TrainingPlan p) {
            return new PlanResponse(p.getId(), p.getOrgId(), p.getYear(), p.getTitle(), Hours.decimal(p.getMemberTargetCenti()),
                    Hours.decimal(p.getLeaderTargetCenti()), p.getMonths(), p.getCourses(), p.getCreatedBy(), p.getCreatedAt(),
                    p.getVersion() == null ? 0 : p.getVersion());
        }
    }
}
