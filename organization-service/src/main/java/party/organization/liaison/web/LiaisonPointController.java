package party.organization.liaison.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.organization.liaison.LiaisonPoint;
import party.organization.liaison.LiaisonPointService;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Liaison points (联系点) over HTTP: set up and ended by the organization department. */
@RestController
@RequestMapping("/api/v1")
class LiaisonPointController {

    private final LiaisonPointService points;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    LiaisonPointController(LiaisonPointService points, Idempotency idempotency, PlatformProperties properties) {
        this.points = points;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    record EstablishLiaisonPoint(@NotBlank @Size(max = 64) String leaderId,
                                 @NotBlank @Size(max = 50) String leaderName,
                                 @NotBlank @Size(max = 64) String orgId,
                                 @NotNull LocalDate since) {
    }

    /** @param until the last day of the link; today when absent */
    record EndLiaisonPoint(LocalDate until) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record LiaisonPointView(String id, String leaderId, String leaderName, String orgId, String orgName, LocalDate since,
                            LocalDate until, LiaisonPoint.Status status, long version) {
        static LiaisonPointView of(LiaisonPoint point, String orgName) {
            return new LiaisonPointView(point.getId(), point.getLeaderId(), point.getLeaderName(), point.getOrgId(),
                    orgName, point.getSince(), point.getUntil(), point.getStatus(),
                    point.getVersion() == null ? 0 : point.getVersion());
        }
    }

    @PostMapping("/liaison-points")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<LiaisonPointView> establish(@Valid @RequestBody EstablishLiaisonPoint request,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<LiaisonPoint> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            return points.establish(user, new LiaisonPointService.NewLiaisonPoint(request.leaderId(),
                    request.leaderName(), request.orgId(), request.since()));
        }, LiaisonPoint::getId, points::created);
        LiaisonPoint point = created.value();
        return ResponseEntity.created(URI.create("/api/v1/liaison-points/" + point.getId()))
                .eTag(ETags.of(point.getVersion())).body(view(point));
    }

    @GetMapping("/liaison-points/{id}")
    ResponseEntity<LiaisonPointView> get(@PathVariable String id) {
        LiaisonPoint point = points.get(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(point.getVersion())).body(view(point));
    }

    @PostMapping("/liaison-points/{id}/end")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<LiaisonPointView> end(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @RequestBody(required = false) EndLiaisonPoint request) {
        LiaisonPoint point = points.end(CurrentUser.get(), id, ifMatch, request == null ? null : request.until());
        return ResponseEntity.ok().eTag(ETags.of(point.getVersion())).body(view(point));
    }

    /** The liaison points of a leader (or all) in every branch the caller may see. */
    @GetMapping("/liaison-points")
    PageResponse<LiaisonPointView> list(@RequestParam(required = false) String leaderId,
                                        @RequestParam(required = false) LiaisonPoint.Status status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return views(points.visible(CurrentUser.get(), leaderId, status, PageRequest.of(page, size, properties.paging())));
    }

    /** The liaison points of the branches in an organization's subtree. */
    @GetMapping("/organizations/{id}/liaison-points")
    PageResponse<LiaisonPointView> inSubtree(@PathVariable String id,
                                             @RequestParam(required = false) String leaderId,
                                             @RequestParam(required = false) LiaisonPoint.Status status,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return views(points.inSubtree(CurrentUser.get(), id, leaderId, status,
                PageRequest.of(page, size, properties.paging())));
    }

    private LiaisonPointView view(LiaisonPoint point) {
        return LiaisonPointView.of(point, points.orgNames(java.util.List.of(point.getOrgId())).get(point.getOrgId()));
    }

    private PageResponse<LiaisonPointView> views(PageResponse<LiaisonPoint> page) {
        Map<String, String> names = points.orgNames(page.items().stream().map(LiaisonPoint::getOrgId).toList());
        return page.map(point -> LiaisonPointView.of(point, names.get(point.getOrgId())));
    }
}
