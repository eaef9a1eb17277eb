package party.training.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.ledger.AdjustmentService;
import party.training.ledger.Completion;
import party.training.ledger.CreditEntry;
import party.training.ledger.MemberProgress;
import party.training.ledger.ProgressService;
import party.training.support.Hours;

/** The credit-hour ledger (学时台账): own and members' progress, entries, adjustments, completion per subtree. */
@RestController
class LedgerController {

    static final String PATH = "/api/v1/trainings";

    private final ProgressService progress;
    private final AdjustmentService adjustments;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    LedgerController(ProgressService progress, AdjustmentService adjustments, Idempotency idempotency,
                     PlatformProperties properties) {
        this.progress = progress;
        this.adjustments = adjustments;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** The caller's own progress of a year (default: this year, Asia/Shanghai). */
    @GetMapping(PATH + "/me/progress")
    ResponseEntity<MemberProgress> own(@RequestParam(required = false) Integer year) {
        return ok(progress.own(CurrentUser.get(), year));
    }

    @GetMapping(PATH + "/members/{memberId}/progress")
    ResponseEntity<MemberProgress> member(@PathVariable String memberId, @RequestParam(required = false) Integer year) {
        return ok(progress.of(memberId, CurrentUser.get(), year));
    }

    @GetMapping(PATH + "/members/{memberId}/credits")
    ResponseEntity<PageResponse<EntryResponse>> entries(@PathVariable String memberId, @RequestParam(required = false) Integer year,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size) {
        return ok(progress.entries(memberId, CurrentUser.get(), year, PageRequest.of(page, size, properties.paging()))
                .map(EntryResponse::of));
    }

    @GetMapping(PATH + "/credits/{entryId}")
    ResponseEntity<EntryResponse> entry(@PathVariable String entryId) {
        return ok(EntryResponse.of(progress.entry(entryId, CurrentUser.get())));
    }

    /** A manual correction (positive or negative) with a reason. */
    @PostMapping(PATH + "/credits/adjustments")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<EntryResponse> adjust(@Valid @RequestBody AdjustmentRequest body,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<CreditEntry> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> adjustments.adjust(body.memberId().strip(), body.year(), body.hours(), body.reason(), user),
                CreditEntry::getId, id -> progress.entry(id, user));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/credits/" + created.value().getId()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed())).cacheControl(CacheControl.noStore())
                .body(EntryResponse.of(created.value()));
    }

    /** Completion rate of the subtree of {@code orgId} and per organization. */
    @GetMapping(PATH + "/completion")
    ResponseEntity<Completion> completion(@RequestParam String orgId, @RequestParam(required = false) Integer year) {
        return ok(progress.completion(orgId, year, CurrentUser.get()));
    }

    /** Members of the subtree behind their target, furthest behind first. */
    @GetMapping(PATH + "/completion/behind")
    ResponseEntity<PageResponse<MemberProgress>> behind(@RequestParam String orgId, @RequestParam(required = false) Integer year,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size) {
        return ok(progress.behind(orgId, year, PageRequest.of(page, size, properties.paging()), CurrentUser.get()));
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    record AdjustmentRequest(@NotBlank @Size(max = 64) String memberId, @NotNull Integer year,
                             @NotNull @DecimalMin("-100") @DecimalMax("100") BigDecimal hours,
                             @NotBlank @Size(max = 500) String reason) {
    }

    record EntryResponse(String id, String memberId, String orgId, int year, BigDecimal hours, String source, String sourceRef,
                         String reason, BigDecimal totalHoursAfter, BigDecimal targetHours, String recordedBy, Instant recordedAt) {
        static EntryResponse of(CreditEntry e) {
            return new EntryResponse(e.getId(), e.getMemberId(), e.getOrgId(), e.getYear(), Hours.decimal(e.getCentiHours()),
                    e.getSource().name(), e.getSourceRef(), e.getReason(), Hours.decimal(e.getTotalCentiAfter()),
                    Hours.decimal(e.getTargetCenti()), e.getRecordedBy(), e.getRecordedAt());
        }
    }
}
