package party.organization.inspection.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import party.organization.inspection.Finding;
import party.organization.inspection.FindingCategory;
import party.organization.inspection.Inspection;
import party.organization.inspection.InspectionKind;
import party.organization.inspection.InspectionService;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Monthly spot checks and quarterly inspections over HTTP. */
@RestController
@RequestMapping("/api/v1")
class InspectionController {

    private final InspectionService inspections;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    InspectionController(InspectionService inspections, Idempotency idempotency, PlatformProperties properties) {
        this.inspections = inspections;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** {@code period}: a month ({@code 2026-03}) for a spot check, a quarter ({@code 2026-Q1}) for an inspection. */
    record RecordInspection(@NotBlank @Size(max = 64) String orgId,
                            @NotNull InspectionKind kind,
                            @NotBlank @Size(max = 10) String period,
                            @NotNull LocalDate inspectedOn,
                            @NotBlank @Size(max = 50) String inspector,
                            @Size(max = 2000) String summary,
                            @Size(max = 100) List<@Valid @NotNull NewFinding> findings) {
    }

    /** {@code measure} and {@code deadline} are required when {@code needsAction}. */
    record NewFinding(@NotBlank @Size(max = 1000) String description,
                      @NotNull FindingCategory category,
                      boolean needsAction,
                      @Size(max = 1000) String measure,
                      LocalDate deadline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InspectionView(String id, String orgId, InspectionKind kind, String period, LocalDate inspectedOn,
                          String inspector, String summary, List<Finding> findings, long version) {
        static InspectionView of(Inspection i) {
            return new InspectionView(i.getId(), i.getOrgId(), i.getKind(), i.getPeriod(), i.getInspectedOn(),
                    i.getInspector(), i.getSummary(), i.getFindings(), i.getVersion() == null ? 0 : i.getVersion());
        }
    }

    @PostMapping("/inspections")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'INSPECTOR')")
    ResponseEntity<InspectionView> record(@Valid @RequestBody RecordInspection request,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Inspection> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            List<Inspection.NewFinding> findings = request.findings() == null ? List.of() : request.findings().stream()
                    .map(f -> new Inspection.NewFinding(f.description(), f.category(), f.needsAction(), f.measure(),
                            f.deadline()))
                    .toList();
            return inspections.record(user, new InspectionService.NewInspection(request.orgId(), request.kind(),
                    request.period(), request.inspectedOn(), request.inspector(), request.summary(), findings));
        }, Inspection::getId, inspections::created);
        Inspection inspection = created.value();
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + inspection.getId()))
                .eTag(ETags.of(inspection.getVersion())).body(InspectionView.of(inspection));
    }

    @GetMapping("/inspections/{id}")
    ResponseEntity<InspectionView> get(@PathVariable String id) {
        Inspection inspection = inspections.get(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(inspection.getVersion())).body(InspectionView.of(inspection));
    }

    @GetMapping("/organizations/{id}/inspections")
    PageResponse<InspectionView> list(@PathVariable String id,
                                      @RequestParam(required = false) InspectionKind kind,
                                      @RequestParam(required = false) String period,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return inspections.list(CurrentUser.get(), id, kind, period, PageRequest.of(page, size, properties.paging()))
                .map(InspectionView::of);
    }
}
