package party.member.development.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import party.member.development.QuotaService;
import party.member.development.QuotaUsage;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;

/** Yearly development quotas (指导性计划): set by the organization department, read with their usage. */
@RestController
@RequestMapping("/api/v1/development/quotas/{orgId}/{year}")
class QuotaController {

    private final QuotaService quotas;

    QuotaController(QuotaService quotas) {
        this.quotas = quotas;
    }

    record QuotaRequest(@NotNull @Min(0) @Max(100000) Integer quota) {
    }

    /** Creates or replaces the quota; replacing needs If-Match of the current version. */
    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<QuotaUsage> set(@PathVariable String orgId, @PathVariable int year,
                                   @Valid @RequestBody QuotaRequest body,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        QuotaUsage usage = quotas.set(orgId, year, body.quota(), ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(usage.version())).body(usage);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<QuotaUsage> get(@PathVariable String orgId, @PathVariable int year) {
        QuotaUsage usage = quotas.get(orgId, year, CurrentUser.get());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (usage.version() != null) {
            ok.eTag(ETags.of(usage.version()));
        }
        return ok.body(usage);
    }
}
