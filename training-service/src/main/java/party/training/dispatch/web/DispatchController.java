package party.training.dispatch.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import party.training.dispatch.Dispatch;
import party.training.dispatch.DispatchService;
import party.training.support.Hours;

/** Party-school dispatches (党校派学). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
class DispatchController {

    static final String PATH = "/api/v1/trainings/dispatches";

    private final DispatchService dispatches;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    DispatchController(DispatchService dispatches, Idempotency idempotency, PlatformProperties properties) {
        this.dispatches = dispatches;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    @PostMapping(PATH)
    ResponseEntity<DispatchResponse> record(@Valid @RequestBody DispatchRequest body,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Dispatch> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> dispatches.record(body.memberId().strip(), body.school(), body.startDate(), body.endDate(),
                        Hours.centi(body.creditHours()), body.note(), user), Dispatch::getId, id -> dispatches.get(id, user));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + created.value().getId()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed())).cacheControl(CacheControl.noStore())
                .body(DispatchResponse.of(created.value()));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<DispatchResponse> get(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(DispatchResponse.of(dispatches.get(id, CurrentUser.get())));
    }

    @GetMapping(PATH)
    ResponseEntity<PageResponse<DispatchResponse>> list(@RequestParam String orgId, @RequestParam(required = false) Integer year,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(dispatches.list(orgId, year,
                PageRequest.of(page, size, properties.paging()), CurrentUser.get()).map(DispatchResponse::of));
    }

    record DispatchRequest(@NotBlank @Size(max = 64) String memberId, @NotBlank @Size(max = 200) String school,
                           @NotNull LocalDate startDate, @NotNull LocalDate endDate,
                           @NotNull @DecimalMin("0") @DecimalMax("500") BigDecimal creditHours, @Size(max = 1000) String note) {
    }

    record DispatchResponse(String id, String memberId, String orgId, String school, LocalDate startDate, LocalDate endDate,
                            int year, BigDecimal creditHours, String note, String recordedBy, Instant recordedAt) {
        static DispatchResponse of(Dispatch d) {
            return new DispatchResponse(d.getId(), d.getMemberId(), d.getOrgId(), d.getSchool(), d.getStartDate(), d.getEndDate(),
                    d.getYear(), Hours.decimal(d.getCreditCenti()), d.getNote(), d.getRecordedBy(), d.getRecordedAt());
        }
    }
}
