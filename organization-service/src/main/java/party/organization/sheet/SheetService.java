package party.organization.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationSheets;
import party.platform.scheduling.LeaseLock;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.security.Roles;
import party.platform.web.ApiException;
import party.platform.web.Problems;

/**
 * Imports and exports organization trees as sheets. An import is checked whole before anything
 * is written; then its organizations are written invisible ({@code IMPORTING}) and only when
 * all are written are they made visible and announced. So a sheet is imported whole or not at all:
 * a failure while writing removes what this import wrote, and what a crash leaves behind is
 * removed by {@link #removeAbandonedImports()}.
 */
@Service
class SheetService {

    private static final Logger log = LoggerFactory.getLogger(SheetService.class);
    static final int MAX_ROWS = 10_000;
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    private final MongoTemplate mongo;
    private final OrganizationService organizations;
    private final OrganizationSheets sheets;
    private final Problems problems;
    private final LeaseLock leases;

    SheetService(MongoTemplate mongo, OrganizationService organizations, OrganizationSheets sheets, Problems problems,
                 LeaseLock leases) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.sheets = sheets;
        this.problems = problems;
        this.leases = leases;
    }

    /** One row's problem as answered to the client, the message in the caller's language. */
    record RowProblem(int row, String column, String code, String value, String message) {
    }

    /** What an import created. */
    record ImportResult(int created, List<String> ids) {
    }

    ImportResult importSheet(CurrentUser user, InputStream xlsx, Locale locale) {
        List<SheetRow> rows;
        try {
            rows = OrganizationSheet.read(xlsx);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("sheet-unreadable");
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("sheet-empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("sheet-too-large", MAX_ROWS);
        }
        Map<String, Optional<ImportPlan.Existing>> known = new HashMap<>();
        ImportPlan.Result plan = ImportPlan.of(rows, code -> known.computeIfAbsent(code, c -> existing(user, c)),
                user.hasRole(Roles.ADMIN), OrganizationSheet.today());
        if (!plan.ok()) {
            List<RowProblem> report = plan.errors().stream().map(e -> new RowProblem(e.row(), e.column(), e.code(),
                    e.value(), problems.message("import.error." + e.code(), locale, e.value()))).toList();
            throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "sheet-rejected",
                    Map.of("rows", report), report.size());
        }
        String importId = UUID.randomUUID().toString();
        List<String> ids = plan.planned().stream().map(ImportPlan.Planned::id).toList();
        try {
            sheets.write(importId, plan.planned().stream().map(p -> new OrganizationSheets.Imported(p.id(), p.type(),
                    p.name(), p.code(), p.foundedOn(), p.parentId(), p.ancestors())).toList());
        } catch (RuntimeException e) {
            long removed = sheets.discard(importId);
            log.warn("sheet import {} failed while writing; removed the {} organization(s) it had written", importId, removed);
            throw e;
        }
        sheets.activate(importId, ids);
        return new ImportResult(ids.size(), ids);
    }

    private Optional<ImportPlan.Existing> existing(CurrentUser user, String code) {
        Organization org = mongo.findOne(Query.query(Criteria.where("code").is(code)), Organization.class);
        if (org == null) {
            return Optional.empty();
        }
        return Optional.of(new ImportPlan.Existing(org.getId(), org.getType(), org.getAncestors(),
                org.getStatus() == Organization.Status.ACTIVE,
                user.manages(OrgScope.ancestorsAndSelf(org.getId(), org.getAncestors()))));
    }

    /** The active subtree of a visible organization, level by level. */
    byte[] export(CurrentUser user, String id) {
        Organization root = organizations.get(user, id);
        List<Organization> subtree = mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").is(id),
                                Criteria.where("ancestors").is(id)).and("status").is(Organization.Status.ACTIVE))
                        .with(org.springframework.data.domain.Sort.by("depth", "code")), Organization.class);
        Map<String, String> codes = new HashMap<>();
        subtree.forEach(o -> codes.put(o.getId(), o.getCode()));
        if (root.getParentId() != null) {
            Organization parent = mongo.findById(root.getParentId(), Organization.class);
            if (parent != null) {
                codes.put(parent.getId(), parent.getCode());
            }
        }
        return OrganizationSheet.write(subtree.stream().map(o -> new OrganizationSheet.ExportRow(o.getName(), o.getCode(),
                o.getType(), o.getParentId() == null ? null : codes.get(o.getParentId()), o.getFoundedOn())).toList());
    }

    /** One replica per period does the cleanup; the others would only repeat the scan. */
    @Scheduled(fixedDelay = 5, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void removeAbandonedImportsOnOneReplica() {
        leases.runExclusively("organization-service.sheet-cleanup", Duration.ofMinutes(4), this::removeAbandonedImports);
    }

    void removeAbandonedImports() {
        long removed = sheets.discardOlderThan(Instant.now().minus(ABANDONED_AFTER));
        if (removed > 0) {
            log.warn("removed {} organization(s) left by sheet imports that never finished", removed);
        }
    }
}
