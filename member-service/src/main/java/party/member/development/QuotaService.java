package party.member.development;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;

/** Yearly development quotas per organization and their usage over the subtree. */
@Service
public class QuotaService {

    static final int FIRST_YEAR = 2000;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrgTree orgTree;

    QuotaService(MongoTemplate mongo, AggregateStore store, OrgTree orgTree) {
        this.mongo = mongo;
        this.store = store;
        this.orgTree = orgTree;
    }

    /**
     * Creates or replaces the quota; replacing an existing one needs its If-Match.
     *
     * @throws ApiException 400 year out of range; 403 outside the caller's subtrees; 404 unknown organization
     */
    public QuotaUsage set(String orgId, int year, int quota, String ifMatch, CurrentUser user) {
        OrgNode org = organization(orgId);
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        requireYear(year);
        DevelopmentQuota existing = mongo.findById(DevelopmentQuota.idOf(orgId, year), DevelopmentQuota.class);
        if (existing != null) {
            ETags.require(ifMatch, existing.getVersion());
        }
        DevelopmentQuota q = existing != null ? existing : DevelopmentQuota.create(orgId, year);
        q.set(quota, user.id(), Instant.now());
        return usage(store.save(q), orgId, year);
    }

    /** The quota (if any) and the admissions of the year in the subtree, for a caller who sees the organization. */
    public QuotaUsage get(String orgId, int year, CurrentUser user) {
        OrgNode org = organization(orgId);
        OrgScope.requireVisible(user, org.id(), org.ancestors(), "organization");
        requireYear(year);
        return usage(mongo.findById(DevelopmentQuota.idOf(orgId, year), DevelopmentQuota.class), orgId, year);
    }

    private QuotaUsage usage(DevelopmentQuota q, String orgId, int year) {
        List<String> subtree = orgTree.subtreeIds(orgId);
        List<DevelopmentRecord> admitted = mongo.find(Query.query(Criteria.where("orgId").in(subtree)
                .and("currentStep").gte(StepCatalogue.APPROVAL)), DevelopmentRecord.class);
        long used = admitted.stream().map(r -> r.dateOf(StepCatalogue.APPROVAL))
                .filter(d -> d != null && d.getYear() == year).count();
        if (q == null) {
            return new QuotaUsage(orgId, year, null, used, null, null);
        }
        return new QuotaUsage(orgId, year, q.getQuota(), used, q.getQuota() - used, q.getVersion());
    }

    private OrgNode organization(String orgId) {
        return orgTree.find(orgId).orElseThrow(() -> ApiException.notFound("not-found", OrgScope.resourceName("organization")));
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > DevelopmentService.today().getYear() + 1) {
            throw ApiException.badRequest("development-quota-year", year, FIRST_YEAR, DevelopmentService.today().getYear() + 1);
        }
    }
}
