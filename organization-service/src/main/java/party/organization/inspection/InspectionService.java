package party.organization.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.meeting.Period;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.events.AggregateStore;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Recording monthly spot checks and quarterly inspections of branches, and finding them again. */
@Service
public class InspectionService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrganizationService organizations;

    InspectionService(MongoTemplate mongo, AggregateStore store, OrganizationService organizations) {
        this.mongo = mongo;
        this.store = store;
        this.organizations = organizations;
    }

    public record NewInspection(String orgId, InspectionKind kind, String period, LocalDate inspectedOn,
                                String inspector, String summary, List<Inspection.NewFinding> findings) {
    }

    public Inspection record(CurrentUser user, NewInspection request) {
        Period period = Period.parse(request.period());
        if (!request.kind().fits(period)) {
            throw ApiException.badRequest("inspection-period-kind-mismatch", request.kind(), period.label());
        }
        LocalDate today = LocalDate.now(Period.ZONE);
        if (request.inspectedOn().isAfter(today)) {
            throw ApiException.badRequest("inspection-date-in-future", request.inspectedOn());
        }
        if (request.inspectedOn().isBefore(period.firstDay())) {
            throw ApiException.unprocessable("inspection-before-period", request.inspectedOn(), period.label());
        }
        List<Inspection.NewFinding> findings = request.findings() == null ? List.of() : request.findings();
        for (int i = 0; i < findings.size(); i++) {
            Inspection.NewFinding finding = findings.get(i);
            if (!finding.needsAction()) {
                continue;
            }
            if (finding.measure() == null || finding.measure().isBlank() || finding.deadline() == null) {
                throw ApiException.badRequest("inspection-finding-action-incomplete", i + 1);
            }
            if (finding.deadline().isBefore(request.inspectedOn())) {
                throw ApiException.unprocessable("inspection-deadline-before-inspection", i + 1, finding.deadline(),
                        request.inspectedOn());
            }
        }
        Organization org = mongo.findById(request.orgId(), Organization.class);
        if (org == null) {
            throw ApiException.unprocessable("inspection-unknown-organization", request.orgId());
        }
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        if (org.getType() != OrganizationType.BRANCH) {
            throw ApiException.unprocessable("inspection-needs-branch", org.getType());
        }
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("organization-dissolved", org.getName());
        }
        return store.save(Inspection.record(org.getId(), request.kind(), period, request.inspectedOn(),
                request.inspector(), request.summary(), findings, user.id()));
    }

    public Inspection get(CurrentUser user, String id) {
        Inspection inspection = mongo.findById(id, Inspection.class);
        Organization org = inspection == null ? null : mongo.findById(inspection.getOrgId(), Organization.class);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("inspection"));
        }
        OrgScope.requireVisible(user, org.getId(), org.getAncestors(), "inspection");
        return inspection;
    }

    /** An inspection this caller recorded (idempotent replay of their own request). */
    public Inspection created(String id) {
        Inspection inspection = mongo.findById(id, Inspection.class);
        if (inspection == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("inspection"));
        }
        return inspection;
    }

    /**
     * Inspections of the organization's subtree, latest period end first. {@code period} selects those
     * whose period lies within it: {@code 2026-Q1} finds the quarterly inspection of Q1 and the
     * spot checks of January to March.
     */
    public PageResponse<Inspection> list(CurrentUser user, String orgId, InspectionKind kind, String periodText,
                                         PageRequest page) {
        Organization org = organizations.get(user, orgId);
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("orgId").in(organizations.subtreeIds(org.getId())));
        if (kind != null) {
            filters.add(Criteria.where("kind").is(kind));
        }
        if (periodText != null) {
            Period period = Period.parse(periodText);
            filters.add(Criteria.where("periodFrom").gte(period.first().toString()));
            filters.add(Criteria.where("periodTo").lte(period.last().toString()));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Inspection.class);
        List<Inspection> items = mongo.find(query.with(Sort.by(Sort.Order.desc("periodTo"),
                Sort.Order.desc("inspectedOn"), Sort.Order.asc("_id"))).skip(page.offset()).limit(page.size()),
                Inspection.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }
}
