package party.organization.carrier.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import party.organization.carrier.Carrier;
import party.organization.carrier.CarrierKind;
import party.organization.carrier.CarrierService;
import party.organization.carrier.CarrierSummary;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Party-building carriers over HTTP: the organization department and the branch's own secretary
 * register and maintain them, within the subtrees they manage.
 */
@RestController
@RequestMapping("/api/v1")
class CarrierController {

    private final CarrierService carriers;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    CarrierController(CarrierService carriers, Idempotency idempotency, PlatformProperties properties) {
        this.carriers = carriers;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    record RegisterCarrier(@NotNull CarrierKind kind,
                           @NotBlank @Size(max = 64) String orgId,
                           @NotBlank @Size(max = 100) String name,
                           @Size(max = 2000) String description,
                           @NotNull Integer yearEstablished,
                           @Size(max = 500) List<@NotBlank String> memberIds) {
    }

    /** A full replacement of what can change; kind and branch stay. */
    record UpdateCarrier(@NotBlank @Size(max = 100) String name,
                         @Size(max = 2000) String description,
                         @NotNull Integer yearEstablished,
                         @Size(max = 500) List<@NotBlank String> memberIds) {
    }

    /** @param retiredOn the day it was retired; today when absent */
    record RetireCarrier(LocalDate retiredOn) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record CarrierView(String id, CarrierKind kind, String orgId, String orgName, String name, String description,
                       int yearEstablished, List<String> memberIds, Carrier.Status status, LocalDate retiredOn,
                       long version) {
        static CarrierView of(Carrier carrier, String orgName) {
            return new CarrierView(carrier.getId(), carrier.getKind(), carrier.getOrgId(), orgName, carrier.getName(),
                    carrier.getDescription(), carrier.getYearEstablished(), carrier.getMemberIds(), carrier.getStatus(),
                    carrier.getRetiredOn(), carrier.getVersion() == null ? 0 : carrier.getVersion());
        }
    }

    @PostMapping("/carriers")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<CarrierView> register(@Valid @RequestBody RegisterCarrier request,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Carrier> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            return carriers.register(user, request.kind(), request.orgId(), new Carrier.Details(request.name(),
                    request.description(), request.yearEstablished(), request.memberIds()));
        }, Carrier::getId, carriers::created);
        Carrier carrier = created.value();
        return ResponseEntity.created(URI.create("/api/v1/carriers/" + carrier.getId()))
                .eTag(ETags.of(carrier.getVersion())).body(view(carrier));
    }

    @GetMapping("/carriers/{id}")
    ResponseEntity<CarrierView> get(@PathVariable String id) {
        Carrier carrier = carriers.get(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(carrier.getVersion())).body(view(carrier));
    }

    @PutMapping("/carriers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<CarrierView> update(@PathVariable String id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody UpdateCarrier request) {
        Carrier carrier = carriers.update(CurrentUser.get(), id, ifMatch, new Carrier.Details(request.name(),
                request.description(), request.yearEstablished(), request.memberIds()));
        return ResponseEntity.ok().eTag(ETags.of(carrier.getVersion())).body(view(carrier));
    }

    @PostMapping("/carriers/{id}/retire")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<CarrierView> retire(@PathVariable String id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestBody(required = false) RetireCarrier request) {
        Carrier carrier = carriers.retire(CurrentUser.get(), id, ifMatch, request == null ? null : request.retiredOn());
        return ResponseEntity.ok().eTag(ETags.of(carrier.getVersion())).body(view(carrier));
    }

    /** Carriers of the branches in an organization's subtree; {@code year} is the year established. */
    @GetMapping("/organizations/{id}/carriers")
    PageResponse<CarrierView> inSubtree(@PathVariable String id,
                                        @RequestParam(required = false) CarrierKind kind,
                                        @RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) Carrier.Status status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        PageResponse<Carrier> found = carriers.inSubtree(CurrentUser.get(), id, kind, year, status,
                PageRequest.of(page, size, properties.paging()));
        Map<String, String> names = carriers.orgNames(found.items().stream().map(Carrier::getOrgId).toList());
        return found.map(carrier -> CarrierView.of(carrier, names.get(carrier.getOrgId())));
    }

    /** Counts per kind over a subtree: active now, or with {@code year} in place at the end of that year. */
    @GetMapping("/organizations/{id}/carriers/summary")
    CarrierSummary summary(@PathVariable String id, @RequestParam(required = false) Integer year) {
        return carriers.summary(CurrentUser.get(), id, year);
    }

    private CarrierView view(Carrier carrier) {
        return CarrierView.of(carrier, carriers.orgNames(List.of(carrier.getOrgId())).get(carrier.getOrgId()));
    }
}
