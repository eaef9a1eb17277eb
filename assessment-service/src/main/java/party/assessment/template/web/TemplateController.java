package party.assessment.template.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import party.assessment.template.IndicatorTemplate;
import party.assessment.template.TemplateContent;
import party.assessment.template.TemplateService;
import party.assessment.template.TemplateStatus;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Indicator templates (考核指标模板): everyone signed in reads them; the organization department
 * (ADMIN, ORG_STAFF) drafts, copies, versions and publishes.
 */
@RestController
@RequestMapping(TemplateController.PATH)
class TemplateController {

    static final String PATH = "/api/v1/assessments/templates";

    private final TemplateService templates;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    TemplateController(TemplateService templates, Idempotency idempotency, PlatformProperties properties) {
        this.templates = templates;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    record TemplateResponse(String id, String code, int templateVersion, TemplateStatus status, String name,
                            String totalMaxScore, int indicatorCount, String basedOn, Instant createdAt, Instant publishedAt,
                            List<TemplateContent.Aspect> aspects, List<TemplateContent.AdjustmentItem> bonusItems,
                            List<TemplateContent.AdjustmentItem> penaltyItems, List<TemplateContent.VetoItem> vetoItems,
                            long version) {
        static TemplateResponse of(IndicatorTemplate t) {
            TemplateContent c = t.getContent();
            return new TemplateResponse(t.getId(), t.getCode(), t.getTemplateVersion(), t.getStatus(), c.name(),
                    c.totalMaxScore().stripTrailingZeros().toPlainString(), c.indicators().size(), t.getBasedOn(),
                    t.getCreatedAt(), t.getPublishedAt(), c.aspects(), c.bonusItems(), c.penaltyItems(), c.vetoItems(),
                    t.getVersion() == null ? 0 : t.getVersion());
        }
    }

    record CreateTemplateRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code,
                                 @Valid @jakarta.validation.constraints.NotNull TemplateContent content) {
    }

    record CopyRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code, @Size(max = 200) String name) {
    }

    @GetMapping
    PageResponse<TemplateResponse> list(@RequestParam(required = false) String code,
                                        @RequestParam(required = false) TemplateStatus status,
                                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return templates.list(code, status, PageRequest.of(page, size, properties.paging())).map(TemplateResponse::of);
    }

    /** The template new score sheets use. */
    @GetMapping("/active")
    ResponseEntity<TemplateResponse> active() {
        IndicatorTemplate t = templates.active().orElseThrow(
                () -> party.platform.web.ApiException.notFound("not-found", party.platform.security.OrgScope.resourceName("template")));
        return ok(t);
    }

    @GetMapping("/{id}")
    ResponseEntity<TemplateResponse> get(@PathVariable String id) {
        return ok(templates.get(id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<TemplateResponse> create(@Valid @RequestBody CreateTemplateRequest body,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        var created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> templates.create(body.code(), body.content(), user.id()), IndicatorTemplate::getId, templates::get);
        return created(created.value());
    }

    /** Copies a template (e.g. the default) into a new family, as a draft to change. */
    @PostMapping("/{id}/copies")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<TemplateResponse> copy(@PathVariable String id, @Valid @RequestBody CopyRequest body,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        var created = idempotency.create(user.id(), key, Idempotency.fingerprint(java.util.List.of(id, body)),
                () -> templates.copy(id, body.code(), body.name(), user.id()), IndicatorTemplate::getId, templates::get);
        return created(created.value());
    }

    /** Drafts the next version of a template: how a template in use is changed. */
    @PostMapping("/{id}/versions")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<TemplateResponse> newVersion(@PathVariable String id) {
        return created(templates.newVersion(id, CurrentUser.get().id()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<TemplateResponse> change(@PathVariable String id, @Valid @RequestBody TemplateContent body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(templates.change(id, body, ifMatch));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<TemplateResponse> publish(@PathVariable String id,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(templates.publish(id, ifMatch));
    }

    private static ResponseEntity<TemplateResponse> ok(IndicatorTemplate t) {
        return ResponseEntity.ok().eTag(ETags.of(t.getVersion())).body(TemplateResponse.of(t));
    }

    private static ResponseEntity<TemplateResponse> created(IndicatorTemplate t) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + t.getId()))
                .eTag(ETags.of(t.getVersion())).body(TemplateResponse.of(t));
    }
}
