package party.organization.organization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.organization.grade.GradeService;
import party.organization.grade.GradeView;
import party.organization.membercount.MemberCountService;
import party.organization.membercount.MemberCounts;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** The organization tree over HTTP. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationController {

    private final OrganizationService organizations;
    private final MemberCountService memberCounts;
    private final GradeService grades;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    OrganizationController(OrganizationService organizations, MemberCountService memberCounts, GradeService grades,
                           Idempotency idempotency, PlatformProperties properties) {
        this.organizations = organizations;
        this.memberCounts = memberCounts;
        this.grades = grades;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    record CreateOrganization(@NotNull OrganizationType type,
                              @NotBlank @Size(max = 100) String name,
                              @Size(max = 30) String shortName,
                              @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
                              @Size(max = 100) String unit,
                              @jakarta.validation.constraints.PastOrPresent LocalDate foundedOn,
                              String parentId) {
    }

    /**
     * An organization; {@code memberCounts} only on single reads. {@code grade} is its current grade
     * (评估定级, from assessment-service) and always present: null while none was determined.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record OrganizationView(String id, OrganizationType type, String name, String shortName, String code, String unit,
                            LocalDate foundedOn, String parentId, List<String> ancestors, String status, long version,
                            MemberCounts memberCounts,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) GradeView grade) {
        static OrganizationView of(Organization org, MemberCounts counts, GradeView grade) {
            return new OrganizationView(org.getId(), org.getType(), org.getName(), org.getShortName(), org.getCode(),
                    org.getUnit(), org.getFoundedOn(), org.getParentId(), org.getAncestors(), org.getStatus().name(),
                    org.getVersion() == null ? 0 : org.getVersion(), counts, grade);
        }
    }

    /** One organization with its grade (a read by id). */
    private OrganizationView view(Organization org, MemberCounts counts) {
        return OrganizationView.of(org, counts, grades.of(org.getId()).orElse(null));
    }

    /** A page of organizations with their grades, read in one query for the whole page. */
    private PageResponse<OrganizationView> views(PageResponse<Organization> page) {
        Map<String, GradeView> byOrg = grades.of(page.items().stream().map(Organization::getId).toList());
        return page.map(org -> OrganizationView.of(org, null, byOrg.get(org.getId())));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<OrganizationView> create(@Valid @RequestBody CreateOrganization request,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Organization> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            return organizations.create(user, new OrganizationService.NewOrganization(request.type(), request.name(),
                    request.shortName(), request.code(), request.unit(), request.foundedOn(), request.parentId()));
        }, Organization::getId, organizations::created);
        Organization org = created.value();
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + org.getId()))
                .eTag(ETags.of(org.getVersion())).body(view(org, null));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrganizationView> get(@PathVariable String id) {
        Organization org = organizations.get(CurrentUser.get(), id);
        MemberCounts counts = memberCounts.counts(org.getId(), organizations.subtreeIds(org.getId()));
        return ResponseEntity.ok().eTag(ETags.of(org.getVersion())).body(view(org, counts));
    }

    @GetMapping
    PageResponse<OrganizationView> search(@RequestParam(required = false) String code,
                                          @RequestParam(required = false) String name,
                                          @RequestParam(required = false) String parentId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return views(organizations.search(CurrentUser.get(), code, name, parentId,
                PageRequest.of(page, size, properties.paging())));
    }

    record UpdateOrganization(@NotBlank @Size(max = 100) String name,
                              @Size(max = 30) String shortName,
                              @Size(max = 100) String unit,
                              @jakarta.validation.constraints.PastOrPresent LocalDate foundedOn) {
    }

    record MoveOrganization(@NotBlank String parentId) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<OrganizationView> update(@PathVariable String id, @Valid @RequestBody UpdateOrganization request,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Organization org = organizations.update(CurrentUser.get(), id, ifMatch, request.name(), request.shortName(),
                request.unit(), request.foundedOn());
        return ResponseEntity.ok().eTag(ETags.of(org.getVersion())).body(view(org, null));
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<OrganizationView> move(@PathVariable String id, @Valid @RequestBody MoveOrganization request,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Organization org = organizations.move(CurrentUser.get(), id, ifMatch, request.parentId());
        return ResponseEntity.ok().eTag(ETags.of(org.getVersion())).body(view(org, null));
    }

    @GetMapping("/{id}/children")
    PageResponse<OrganizationView> children(@PathVariable String id, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return views(organizations.children(CurrentUser.get(), id, PageRequest.of(page, size, properties.paging())));
    }

    @GetMapping("/{id}/subtree")
    PageResponse<OrganizationView> subtree(@PathVariable String id, @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return views(organizations.subtree(CurrentUser.get(), id, PageRequest.of(page, size, properties.paging())));
    }

    /** Breadcrumb from the root: id, type and names only. */
    record PathItem(String id, OrganizationType type, String name, String shortName) {
    }

    @GetMapping("/{id}/path")
    List<PathItem> path(@PathVariable String id) {
        return organizations.path(CurrentUser.get(), id).stream()
                .map(org -> new PathItem(org.getId(), org.getType(), org.getName(), org.getShortName())).toList();
    }

    @PostMapping("/{id}/dissolve")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<OrganizationView> dissolve(@PathVariable String id,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Organization org = organizations.dissolve(CurrentUser.get(), id, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(org.getVersion())).body(view(org, null));
    }
}
