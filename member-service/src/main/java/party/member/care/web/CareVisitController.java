package party.member.care.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.birthday.Anniversaries;
import party.member.care.CareCandidate;
import party.member.care.CareCandidateService;
import party.member.care.CareReason;
import party.member.care.CareSummary;
import party.member.care.CareVisit;
import party.member.care.CareVisitService;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Care visits (走访慰问), their yearly totals, the lists to visit and the branch's difficulty flags. */
@RestController
@RequestMapping(CareVisitController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class CareVisitController {

    static final String PATH = "/api/v1/care-visits";

    private final CareVisitService visits;
    private final CareCandidateService candidates;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    CareVisitController(CareVisitService visits, CareCandidateService candidates, Idempotency idempotency,
                        PlatformProperties properties) {
        this.visits = visits;
        this.candidates = candidates;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** Records a visit; a replay with the same {@code Idempotency-Key} answers the same visit. */
    @PostMapping
    ResponseEntity<CareVisitResponse> record(@Valid @RequestBody RecordCareVisitRequest body,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<CareVisit> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> visits.record(body.toNewCareVisit(), user), CareVisit::getId, id -> visits.get(id, user));
        CareVisit visit = created.value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(PATH + "/" + visit.getId()))
                .eTag(ETags.of(visit.getVersion()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(CareVisitResponse.of(visit));
    }

    @GetMapping("/{id}")
    ResponseEntity<CareVisitResponse> get(@PathVariable String id) {
        CareVisit visit = visits.get(id, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(visit.getVersion())).cacheControl(CacheControl.noStore())
                .body(CareVisitResponse.of(visit));
    }

    /** Visits in the subtree of {@code orgId}, newest first, optionally of one year and reason. */
    @GetMapping
    ResponseEntity<PageResponse<CareVisitResponse>> list(@RequestParam String orgId,
                                                         @RequestParam(required = false) Integer year,
                                                         @RequestParam(required = false) String reason,
                                                         @RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size, properties.paging());
        PageResponse<CareVisitResponse> result = visits.list(orgId, year, reason(reason), paging, CurrentUser.get())
                .map(CareVisitResponse::of);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    /** Totals of a year (default: the current year, Asia/Shanghai) over the subtree of {@code orgId}. */
    @GetMapping("/summary")
    ResponseEntity<CareSummary> summary(@RequestParam String orgId, @RequestParam(required = false) Integer year) {
        int y = year == null ? Anniversaries.today().getYear() : year;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(visits.summary(orgId, y, CurrentUser.get()));
    }

    /** Who to visit: {@code kind=OLD_MEMBER} (standing or age) or {@code kind=DIFFICULTY} (flagged by the branch). */
    @GetMapping("/candidates")
    ResponseEntity<PageResponse<CareCandidate>> candidates(@RequestParam String orgId, @RequestParam String kind,
                                                           @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer size) {
        CareCandidateService.Kind which;
        try {
            which = CareCandidateService.Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("care-visit-invalid-candidate-kind", kind);
        }
        PageRequest paging = PageRequest.of(page, size, properties.paging());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(candidates.candidates(orgId, which, paging, CurrentUser.get()));
    }

    @GetMapping("/difficulty-flags/{memberId}")
    ResponseEntity<DifficultyFlagResponse> flag(@PathVariable String memberId) {
        var flag = candidates.flag(memberId, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(flag.getVersion())).cacheControl(CacheControl.noStore())
                .body(DifficultyFlagResponse.of(flag));
    }

    /** Flags a member as in difficulty (201), or changes the reason of the flag (200, needs {@code If-Match}). */
    @PutMapping("/difficulty-flags/{memberId}")
    ResponseEntity<DifficultyFlagResponse> setFlag(@PathVariable String memberId,
                                                   @Valid @RequestBody DifficultyFlagRequest body,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CareCandidateService.Flagged result = candidates.setFlag(memberId, body.reason(), ifMatch, CurrentUser.get());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(ETags.of(result.flag().getVersion())).cacheControl(CacheControl.noStore())
                .body(DifficultyFlagResponse.of(result.flag()));
    }

    /** Clears the flag; needs {@code If-Match}. */
    @DeleteMapping("/difficulty-flags/{memberId}")
    ResponseEntity<Void> clearFlag(@PathVariable String memberId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        candidates.clearFlag(memberId, ifMatch, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }

    private static CareReason reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CareReason.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("care-visit-invalid-reason", value);
        }
    }
}
