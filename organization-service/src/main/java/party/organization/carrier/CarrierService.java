package party.organization.carrier;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.membercount.MemberCountService;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.events.AggregateStore;
import party.platform.mongo.Finds;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * The registry of Party-building carriers. Scope checks run against the branch's stored, current
 * ancestors, so carriers follow their branch when a subtree moves.
 */
@Service
public class CarrierService {

    static final String RESOURCE = "carrier";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrganizationService organizations;
    private final MemberCountService members;

    CarrierService(MongoTemplate mongo, AggregateStore store, OrganizationService organizations,
                   MemberCountService members) {
        this.mongo = mongo;
        this.store = store;
        this.organizations = organizations;
        this.members = members;
    }

    public Carrier register(CurrentUser user, CarrierKind kind, String orgId, Carrier.Details details) {
        Organization branch = branchForChange(user, orgId);
        requireOnRoster(branch, details.memberIds());
        if (kind == CarrierKind.BRANCH_BRAND && Finds.any(mongo, Query.query(Criteria.where("activeBrandOf").is(branch.getId())),
                Carrier.class)) {
            throw ApiException.conflict("carrier-brand-exists", branch.getName());
        }
        Carrier carrier = Carrier.register(kind, branch.getId(), details, today().getYear(), user.id());
        try {
            return store.save(carrier);
        } catch (DuplicateKeyException raced) {
            // Another brand for the same branch was registered between the check and the write.
            throw ApiException.conflict("carrier-brand-exists", branch.getName());
        }
    }

    public Carrier update(CurrentUser user, String id, String ifMatch, Carrier.Details details) {
        Carrier carrier = get(user, id);
        Organization branch = requireManaged(user, carrier);
        ETags.require(ifMatch, carrier.getVersion());
        carrier.requireActive();
        requireOnRoster(branch, details.memberIds());
        return carrier.change(details, today().getYear()) ? store.save(carrier) : carrier;
    }

    public Carrier retire(CurrentUser user, String id, String ifMatch, LocalDate on) {
        Carrier carrier = get(user, id);
        requireManaged(user, carrier);
        ETags.require(ifMatch, carrier.getVersion());
        carrier.retire(on, today());
        return store.save(carrier);
    }

    /** The carrier if its branch is in the caller's scope; otherwise 404. */
    public Carrier get(CurrentUser user, String id) {
        Carrier carrier = created(id);
        Organization org = mongo.findById(carrier.getOrgId(), Organization.class);
        OrgScope.requireVisible(user, carrier.getOrgId(), org == null ? List.of() : org.getAncestors(), RESOURCE);
        return carrier;
    }

    /** A carrier this caller registered (idempotent replay). */
    public Carrier created(String id) {
        Carrier carrier = mongo.findById(id, Carrier.class);
        if (carrier == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName(RESOURCE));
        }
        return carrier;
    }

    /**
     * Carriers of the branches in an organization's subtree.
     *
     * @param year the year established
     */
    public PageResponse<Carrier> inSubtree(CurrentUser user, String orgId, CarrierKind kind, Integer year,
                                           Carrier.Status status, PageRequest page) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("orgId").in(subtree(user, orgId)));
        if (kind != null) {
            filters.add(Criteria.where("kind").is(kind));
        }
        if (year != null) {
            filters.add(Criteria.where("yearEstablished").is(requireYear(year)));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Carrier.class);
        List<Carrier> items = mongo.find(query.with(Sort.by("kind", "orgId", "name", "_id")).skip(page.offset())
                .limit(page.size()), Carrier.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Counts per kind over a subtree: active now, or in place at the end of {@code year}. */
    public CarrierSummary summary(CurrentUser user, String orgId, Integer year) {
        Integer y = year == null ? null : requireYear(year);
        Query query = Query.query(Criteria.where("orgId").in(subtree(user, orgId)));
        query.fields().include("kind", "status", "yearEstablished", "retiredOn");
        return CarrierSummary.of(orgId, y, mongo.find(query, Carrier.class));
    }

    public Map<String, String> orgNames(Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(Set.copyOf(orgIds))), Organization.class).stream()
                .collect(Collectors.toMap(Organization::getId, Organization::getName, (a, b) -> a));
    }

    /** The branch a request body names: 422 unknown or not an active branch, 403 outside the caller's scope. */
    private Organization branchForChange(CurrentUser user, String orgId) {
        Organization org = mongo.findById(orgId, Organization.class);
        if (org == null) {
            throw ApiException.unprocessable("carrier-branch-unknown", orgId);
        }
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        if (org.getType() != OrganizationType.BRANCH) {
            throw ApiException.unprocessable("carrier-branch-required", org.getName(), org.getType());
        }
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("carrier-branch-dissolved", org.getName());
        }
        return org;
    }

    private Organization requireManaged(CurrentUser user, Carrier carrier) {
        Organization org = mongo.findById(carrier.getOrgId(), Organization.class);
        OrgScope.requireManaged(user, carrier.getOrgId(), org == null ? List.of() : org.getAncestors());
        return org;
    }

    /** Assigned members must be on the branch's roster (kept from member events). */
    private void requireOnRoster(Organization branch, List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        Set<String> roster = members.roster(branch.getId()).stream().map(MemberCountService.RosterEntry::memberId)
                .collect(Collectors.toSet());
        List<String> unknown = memberIds.stream().filter(id -> !roster.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "carrier-unknown-members",
                    Map.of("unknownMemberIds", unknown), branch.getName(), String.join(", ", unknown));
        }
    }

    private List<String> subtree(CurrentUser user, String orgId) {
        return organizations.subtreeIds(organizations.get(user, orgId).getId());
    }

    private static int requireYear(int year) {
        if (year < Carrier.FIRST_YEAR || year > 2100) {
            throw ApiException.badRequest("carrier-invalid-year", String.valueOf(year), String.valueOf(Carrier.FIRST_YEAR), "2100");
        }
        return year;
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
