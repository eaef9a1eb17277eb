package party.organization.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.membercount.MemberCountService;
import party.platform.events.AggregateStore;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.security.Roles;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** The organization tree: placement rules, scope checks, and every change announced as an event. */
@Service
public class OrganizationService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final MemberCountService members;

    OrganizationService(MongoTemplate mongo, AggregateStore store, MemberCountService members) {
        this.mongo = mongo;
        this.store = store;
        this.members = members;
    }

    /** What creating an organization takes. */
    public record NewOrganization(OrganizationType type, String name, String shortName, String code, String unit,
                                  LocalDate foundedOn, String parentId) {
    }

    public Organization create(CurrentUser user, NewOrganization request) {
        Organization parent = null;
        if (request.parentId() == null) {
            // A new root is the start of a whole enterprise's tree: only a platform admin may make one.
            if (!user.hasRole(Roles.ADMIN)) {
                throw ApiException.forbidden("root-requires-admin");
            }
        } else {
            parent = mongo.findById(request.parentId(), Organization.class);
            if (parent == null || !user.manages(OrgScope.ancestorsAndSelf(parent.getId(), parent.getAncestors()))) {
                throw ApiException.unprocessable("unknown-parent", request.parentId());
            }
            if (parent.getStatus() != Organization.Status.ACTIVE) {
                throw ApiException.unprocessable("parent-dissolved", parent.getName());
            }
        }
        if (!request.type().mayStandUnder(parent == null ? null : parent.getType())) {
            throw ApiException.unprocessable("invalid-placement", request.type(),
                    parent == null ? "-" : parent.getType());
        }
        if (mongo.exists(Query.query(Criteria.where("code").is(request.code())), Organization.class)) {
            throw ApiException.conflict("duplicate-code", request.code());
        }
        return store.save(Organization.create(request.type(), request.name(), request.shortName(), request.code(),
                request.unit(), request.foundedOn(), parent));
    }

    /** The organization if the caller may see it; otherwise 404, whether or not it exists. */
    public Organization get(CurrentUser user, String id) {
        Organization org = mongo.findById(id, Organization.class);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("organization"));
        }
        OrgScope.requireVisible(user, org.getId(), org.getAncestors(), "organization");
        return org;
    }

    /** An organization this caller created (idempotent replay); no scope check, the key is the caller's own. */
    public Organization created(String id) {
        Organization org = mongo.findById(id, Organization.class);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("organization"));
        }
        return org;
    }

    /** Ids of the organization and all below it. */
    public List<String> subtreeIds(String id) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("_id").is(id), Criteria.where("ancestors").is(id)));
        query.fields().include("_id");
        return mongo.find(query, Organization.class).stream().map(Organization::getId).toList();
    }

    /** Organizations visible to the caller matching the filters, in tree order (depth, then code). */
    public PageResponse<Organization> search(CurrentUser user, String code, String name, String parentId, PageRequest page) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(new Criteria().orOperator(Criteria.where("_id").in(user.orgScopes()),
                Criteria.where("ancestors").in(user.orgScopes())));
        if (code != null) {
            filters.add(Criteria.where("code").is(code));
        }
        if (name != null) {
            filters.add(Criteria.where("name").regex(java.util.regex.Pattern.quote(name)));
        }
        if (parentId != null) {
            filters.add(Criteria.where("parentId").is(parentId));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Organization.class);
        List<Organization> items = mongo.find(query.with(Sort.by("code")).skip(page.offset()).limit(page.size()),
                Organization.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** Dissolves an organization that has no members and no active children. */
    public Organization dissolve(CurrentUser user, String id, String ifMatch) {
        Organization org = get(user, id);
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        ETags.require(ifMatch, org.getVersion());
        if (org.getStatus() == Organization.Status.DISSOLVED) {
            return org;
        }
        if (mongo.exists(Query.query(Criteria.where("parentId").is(id).and("status").is(Organization.Status.ACTIVE)),
                Organization.class)) {
            throw ApiException.conflict("has-active-children", org.getName());
        }
        if (members.hasMembers(id)) {
            throw ApiException.conflict("has-members", org.getName());
        }
        org.dissolve();
        return store.save(org);
    }
}
