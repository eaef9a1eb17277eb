package party.organization.leadership.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
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
import party.organization.leadership.Holder;
import party.organization.leadership.Leadership;
import party.organization.leadership.LeadershipRole;
import party.organization.leadership.LeadershipService;
import party.organization.leadership.SecretarySummary;
import party.organization.leadership.TermDue;
import party.organization.leadership.UnitKind;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Leadership and terms of an organization, and the term and secretary lists over its subtree. */
@RestController
@RequestMapping("/api/v1/organizations/{id}")
class LeadershipController {

    private final LeadershipService leadership;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    LeadershipController(LeadershipService leadership, Idempotency idempotency, PlatformProperties properties) {
        this.leadership = leadership;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** One role holder; {@code fullTime} is required for the secretary and absent for every other role. */
    record HolderRequest(@NotNull LeadershipRole role,
                         @Size(max = 64) String memberId,
                         @NotBlank @Size(max = 50) String name,
                         Boolean fullTime) {
        Holder toHolder() {
            return new Holder(role, memberId == null || memberId.isBlank() ? null : memberId.strip(), name.strip(), fullTime);
        }
    }

    record CreateTerm(@NotNull LocalDate startDate,
                      LocalDate endDate,
                      UnitKind unitKind,
                      @NotEmpty @Size(max = 20) List<@Valid @NotNull HolderRequest> holders) {
    }

    record Renewal(@NotNull LocalDate electionDate,
                   LocalDate endDate,
                   UnitKind unitKind,
                   @NotEmpty @Size(max = 20) List<@Valid @NotNull HolderRequest> holders) {
    }

    record ChangeHolders(@NotEmpty @Size(max = 20) List<@Valid @NotNull HolderRequest> holders) {
    }

    @PostMapping("/terms")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<LeadershipView> startFirst(@PathVariable String id, @Valid @RequestBody CreateTerm request,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        LeadershipService.NewTerm term = new LeadershipService.NewTerm(request.startDate(), request.endDate(),
                request.unitKind(), holders(request.holders()));
        return created(id, user, key, List.of(id, "first", request),
                () -> leadership.startFirst(user, id, term));
    }

    @PostMapping("/terms/renewal")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<LeadershipView> renew(@PathVariable String id, @Valid @RequestBody Renewal request,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        LeadershipService.NewTerm term = new LeadershipService.NewTerm(request.electionDate(), request.endDate(),
                request.unitKind(), holders(request.holders()));
        return created(id, user, key, List.of(id, "renewal", request),
                () -> leadership.renew(user, id, term, ifMatch));
    }

    @GetMapping("/terms")
    PageResponse<LeadershipView.TermView> history(@PathVariable String id,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size, properties.paging());
        List<LeadershipView.TermView> terms = leadership.read(CurrentUser.get(), id)
                .map(l -> l.getTerms().reversed().stream().map(LeadershipView.TermView::of).toList())
                .orElse(List.of());
        int from = (int) Math.min(request.offset(), terms.size());
        int to = Math.min(from + request.size(), terms.size());
        return new PageResponse<>(terms.subList(from, to), request.page(), request.size(), terms.size());
    }

    @GetMapping("/leadership")
    ResponseEntity<LeadershipView> current(@PathVariable String id) {
        LeadershipView view = leadership.read(CurrentUser.get(), id).map(LeadershipView::of).orElse(LeadershipView.none(id));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        return (view.version() == null ? ok : ok.eTag(ETags.of(view.version()))).body(view);
    }

    @PutMapping("/leadership")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<LeadershipView> changeHolders(@PathVariable String id, @Valid @RequestBody ChangeHolders request,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Leadership changed = leadership.changeHolders(CurrentUser.get(), id, holders(request.holders()), ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(changed.getVersion())).body(LeadershipView.of(changed));
    }

    @GetMapping("/terms/expiring")
    PageResponse<TermDue> expiring(@PathVariable String id,
                                   @RequestParam(defaultValue = "90") int withinDays,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return leadership.expiring(CurrentUser.get(), id, withinDays, PageRequest.of(page, size, properties.paging()));
    }

    @GetMapping("/terms/expired")
    PageResponse<TermDue> expired(@PathVariable String id,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return leadership.expired(CurrentUser.get(), id, PageRequest.of(page, size, properties.paging()));
    }

    @GetMapping("/secretaries/summary")
    SecretarySummary secretaries(@PathVariable String id) {
        return leadership.secretaries(CurrentUser.get(), id);
    }

    private ResponseEntity<LeadershipView> created(String orgId, CurrentUser user, String key, Object fingerprinted,
                                                   java.util.function.Supplier<Leadership> action) {
        // A replay answers with the leadership as it is now; the term the first call started is in it.
        Leadership result = idempotency.create(user.id(), key, Idempotency.fingerprint(fingerprinted), action,
                Leadership::getOrgId, leadership::created).value();
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + orgId + "/leadership"))
                .eTag(ETags.of(result.getVersion())).body(LeadershipView.of(result));
    }

    private static List<Holder> holders(List<HolderRequest> requests) {
        return requests.stream().map(HolderRequest::toHolder).toList();
    }
}
