package party.organization.liaison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.organization.Organization;
import party.platform.events.AggregateStore;
import party.platform.mongo.Finds;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Liaison points: leaders linked to branches, each change announced. */
@Service
public class LiaisonPointService {

    static final String RESOURCE = "liaison-point";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final LiaisonBranches branches;

    LiaisonPointService(MongoTemplate mongo, AggregateStore store, LiaisonBranches branches) {
        this.mongo = mongo;
        this.store = store;
        this.branches = branches;
    }

    public record NewLiaisonPoint(String leaderId, String leaderName, String orgId, LocalDate since) {
    }

    public LiaisonPoint establish(CurrentUser user, NewLiaisonPoint request) {
        Organization branch = branches.forChange(user, request.orgId());
        if (Finds.any(mongo, Query.query(Criteria.where("activeLink").is(LiaisonPoint.link(request.leaderId(), branch.getId()))),
                LiaisonPoint.class)) {
            throw ApiException.conflict("liaison-point-exists", request.leaderName(), branch.getName());
        }
        LiaisonPoint point = LiaisonPoint.establish(request.leaderId(), request.leaderName(), branch.getId(),
                request.since(), ShanghaiCalendar.today(), user.id());
        try {
            return store.save(point);
        } catch (DuplicateKeyException raced) {
            // Another request linked the same leader to the same branch between the check and the write.
            throw ApiException.conflict("liaison-point-exists", request.leaderName(), branch.getName());
        }
    }

    public LiaisonPoint end(CurrentUser user, String id, String ifMatch, LocalDate until) {
        LiaisonPoint point = get(user, id);
        Organization org = mongo.findById(point.getOrgId(), Organization.class);
        OrgScope.requireManaged(user, point.getOrgId(), org == null ? List.of() : org.getAncestors());
        ETags.require(ifMatch, point.getVersion());
        point.end(until, ShanghaiCalendar.today());
        return store.save(point);
    }

    /** The liaison point if its branch is in the caller's scope; otherwise 404. */
    public LiaisonPoint get(CurrentUser user, String id) {
        LiaisonPoint point = created(id);
        branches.requireVisible(user, point.getOrgId(), RESOURCE);
        return point;
    }

    /** A liaison point this caller created (idempotent replay). */
    public LiaisonPoint created(String id) {
        LiaisonPoint point = mongo.findById(id, LiaisonPoint.class);
        if (point == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName(RESOURCE));
        }
        return point;
    }

    /** Liaison points of branches in an organization's subtree. */
    public PageResponse<LiaisonPoint> inSubtree(CurrentUser user, String orgId, String leaderId, LiaisonPoint.Status status,
                                                PageRequest page) {
        return find(branches.subtree(user, orgId), leaderId, status, page);
    }

    /** Liaison points of one leader (or all) in every branch the caller may see. */
    public PageResponse<LiaisonPoint> visible(CurrentUser user, String leaderId, LiaisonPoint.Status status, PageRequest page) {
        return find(branches.visible(user), leaderId, status, page);
    }

    public java.util.Map<String, String> orgNames(Collection<String> orgIds) {
        return branches.names(orgIds);
    }

    private PageResponse<LiaisonPoint> find(Collection<String> orgIds, String leaderId, LiaisonPoint.Status status,
                                            PageRequest page) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("orgId").in(orgIds));
        if (leaderId != null) {
            filters.add(Criteria.where("leaderId").is(leaderId));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, LiaisonPoint.class);
        List<LiaisonPoint> items = mongo.find(query.with(Sort.by(Sort.Order.desc("since"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), LiaisonPoint.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }
}
