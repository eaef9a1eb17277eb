package party.assessment.rectification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import party.assessment.calendar.Period;
import party.assessment.rectification.RectificationItem;
import party.assessment.rectification.RectificationService;
import party.assessment.rectification.RectificationSource;
import party.assessment.rectification.RectificationStatus;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Rectification items (整改): lists, overdue lists, closure rates, and moving an item along. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
class RectificationController {

    static final String PATH = "/api/v1/assessments/rectifications";

    private final RectificationService rectifications;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    RectificationController(RectificationService rectifications, Idempotency idempotency, PlatformProperties properties) {
        this.rectifications = rectifications;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    record OpenRequest(@NotBlank String orgId, RectificationSource source, @Size(max = 100) String sourceRef,
                       @Size(max = 100) String category, @NotBlank @Size(max = 2000) String problem,
                       @NotBlank @Size(max = 2000) String measure, @NotNull LocalDate deadline) {
    }

    record MoveRequest(@NotNull RectificationStatus to, @Size(max = 2000) String note) {
    }

    record ItemResponse(String id, String orgId, RectificationSource source, String sourceRef, String category, String problem,
                        String measure, LocalDate deadline, RectificationStatus status, LocalDate closedOn, boolean overdue,
                        Instant createdAt, List<RectificationItem.Transition> history, long version) {
        static ItemResponse of(RectificationItem i) {
            return new ItemResponse(i.getId(), i.getOrgId(), i.getSource(), i.getSourceRef(), i.getCategory(), i.getProblem(),
                    i.getMeasure(), i.getDeadline(), i.getStatus(), i.getClosedOn(), i.openPastDeadline(Period.today()),
                    i.getCreatedAt(), i.getHistory(), i.getVersion() == null ? 0 : i.getVersion());
        }
    }

    @PostMapping(PATH)
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','INSPECTOR')")
    ResponseEntity<ItemResponse> open(@Valid @RequestBody OpenRequest body,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (body.deadline().isBefore(Period.today())) {
            throw ApiException.unprocessable("rectification-deadline-past", body.deadline());
        }
        CurrentUser user = CurrentUser.get();
        var created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> rectifications.open(new RectificationService.NewItem(body.orgId(),
                        body.source() == null ? RectificationSource.OTHER : body.source(), body.sourceRef(), body.category(),
                        body.problem(), body.measure(), body.deadline()), user),
                RectificationItem::getId, id -> rectifications.get(id, user));
        RectificationItem item = created.value();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + item.getId()))
                .eTag(ETags.of(item.getVersion())).body(ItemResponse.of(item));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<ItemResponse> get(@PathVariable String id) {
        RectificationItem item = rectifications.get(id, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(item.getVersion())).body(ItemResponse.of(item));
    }

    @PostMapping(PATH + "/{id}/transitions")
    ResponseEntity<ItemResponse> move(@PathVariable String id, @Valid @RequestBody MoveRequest body,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        RectificationItem item = rectifications.move(id, body.to(), body.note(), ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(item.getVersion())).body(ItemResponse.of(item));
    }

    /** Items of a subtree; {@code overdue=true}: the overdue list (open or in progress past the deadline). */
    @GetMapping("/api/v1/assessments/organizations/{orgId}/rectifications")
    PageResponse<ItemResponse> list(@PathVariable String orgId, @RequestParam(required = false) RectificationStatus status,
                                    @RequestParam(defaultValue = "false") boolean overdue,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return rectifications.list(orgId, status, overdue, PageRequest.of(page, size, properties.paging()), CurrentUser.get())
                .map(ItemResponse::of);
    }

    /** Closure rates of the subtree and of each organization in it. */
    @GetMapping("/api/v1/assessments/organizations/{orgId}/rectifications/summary")
    RectificationService.Summary summary(@PathVariable String orgId, @RequestParam(required = false) Integer year) {
        return rectifications.summary(orgId, year, CurrentUser.get());
    }
}
