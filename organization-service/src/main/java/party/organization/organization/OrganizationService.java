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
import party.platform.mongo.Finds;
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
    private final TreeIndex index;

    OrganizationService(MongoTemplate mongo, AggregateStore store, MemberCountService members, TreeIndex index) {
        this.mongo = mongo;
        this.store = store;
        this.members = members;
        this.index = index;
    }

    /** Every write of an organization goes here: the document with its events, then this instance's index. */
    private Organization save(Organization org) {
        Organization saved = store.save(org);
        index.apply(saved);
        return saved;
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
            if (parent == null || parent.getStatus() == Organization.Status.IMPORTING || !user.manages(OrgScope.ancestorsAndSelf(parent.getId(), parent.getAncestors()))) {
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
        if (Finds.any(mongo, Query.query(Criteria.where("code").is(request.code())), Organization.class)) {
            throw ApiException.conflict("duplicate-code", request.code());
        }
        return save(Organization.create(request.type(), request.name(), request.shortName(), request.code(),
                request.unit(), request.foundedOn(), parent));
    }

    /** The organization if the caller may see it; otherwise 404, whether or not it exists. */
    public Organization get(CurrentUser user, String id) {
        Organization org = mongo.findById(id, Organization.class);
        if (org == null || org.getStatus() == Organization.Status.IMPORTING) {
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
        return index.subtree(id);
    }

    /** Organizations visible to the caller matching the filters, in tree order (depth, then code). */
    public PageResponse<Organization> search(CurrentUser user, String code, String name, String parentId, PageRequest page) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("status").ne(Organization.Status.IMPORTING));
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

    /** Changes name, short name, unit and founding date. */
    public Organization update(CurrentUser user, String id, String ifMatch, String name, String shortName, String unit,
                               LocalDate foundedOn) {
        Organization org = get(user, id);
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        ETags.require(ifMatch, org.getVersion());
        org.update(name, shortName, unit, foundedOn);
        return save(org);
    }

    /**
     * Moves an organization with its whole subtree under another parent. The moved organization
     * and every descendant get new {@code ancestors} and each announces its new place, so every
     * service's projection follows, one aggregate at a time in the order of its own events.
     *
     * <p>Without multi-document transactions the descendants are rewritten one document each
     * (in one batch); a reader may see part of them moved for the moment this takes. A repeated
     * move to the same parent finishes a rewrite that was interrupted.
     */
    public Organization move(CurrentUser user, String id, String ifMatch, String newParentId) {
        Organization org = get(user, id);
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        ETags.require(ifMatch, org.getVersion());
        Organization parent = mongo.findById(newParentId, Organization.class);
        if (parent == null || parent.getStatus() == Organization.Status.IMPORTING || !user.manages(OrgScope.ancestorsAndSelf(parent.getId(), parent.getAncestors()))) {
            throw ApiException.unprocessable("unknown-parent", newParentId);
        }
        if (parent.getId().equals(id) || parent.getAncestors().contains(id)) {
            throw ApiException.unprocessable("move-cycle", org.getName(), parent.getName());
        }
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("organization-dissolved", org.getName());
        }
        if (parent.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("parent-dissolved", parent.getName());
        }
        if (!org.getType().mayStandUnder(parent.getType())) {
            throw ApiException.unprocessable("invalid-placement", org.getType(), parent.getType());
        }
        if (!parent.getId().equals(org.getParentId())) {
            org.moveUnder(parent);
            org = save(org);
        }
        rebaseDescendants(org);
        return org;
    }

    /** Gives every descendant whose ancestors do not yet follow {@code moved} its new ancestors. */
    private void rebaseDescendants(Organization moved) {
        for (int attempt = 1; ; attempt++) {
            List<Organization> stale = mongo.find(Query.query(Criteria.where("ancestors").is(moved.getId())),
                    Organization.class).stream().filter(d -> !follows(d, moved)).toList();
            if (stale.isEmpty()) {
                return;
            }
            stale.forEach(d -> d.followMovedAncestor(moved));
            try {
                store.saveAll(stale).forEach(index::apply);
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException concurrentEdit) {
                if (attempt == 3) {
                    throw concurrentEdit;
                }
            }
        }
    }

    private static boolean follows(Organization descendant, Organization moved) {
        List<String> ancestors = descendant.getAncestors();
        int at = ancestors.indexOf(moved.getId());
        return ancestors.subList(0, at).equals(moved.getAncestors());
    }

    /** Direct children of a visible organization, by code. */
    public PageResponse<Organization> children(CurrentUser user, String id, PageRequest page) {
        get(user, id);
        return page(index.children(id), page);
    }

    /** The organization and everything below it, level by level, by code within a level. */
    public PageResponse<Organization> subtree(CurrentUser user, String id, PageRequest page) {
        get(user, id);
        return page(index.subtree(id), page);
    }

    /**
     * From the root down to the organization. The ancestors are shown even where the caller does
     * not manage them (a branch secretary sees the names of the committees above the branch), as
     * the breadcrumb of the organization they do manage.
     */
    public List<Organization> path(CurrentUser user, String id) {
        Organization org = get(user, id);
        java.util.Map<String, Organization> byId = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(org.getAncestors())), Organization.class)
                .forEach(a -> byId.put(a.getId(), a));
        List<Organization> path = new ArrayList<>();
        org.getAncestors().stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(path::add);
        path.add(org);
        return path;
    }

    /** One page of an ordered list of ids, read by id. */
    private PageResponse<Organization> page(List<String> ids, PageRequest page) {
        List<String> slice = ids.subList((int) Math.min(page.offset(), ids.size()),
                (int) Math.min(page.offset() + page.size(), ids.size()));
        java.util.Map<String, Organization> byId = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(slice)), Organization.class).forEach(o -> byId.put(o.getId(), o));
        return new PageResponse<>(slice.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), page.page(),
                page.size(), ids.size());
    }

    /** Dissolves an organization that has no members and no active children. */
    public Organization dissolve(CurrentUser user, String id, String ifMatch) {
        Organization org = get(user, id);
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        ETags.require(ifMatch, org.getVersion());
        if (org.getStatus() == Organization.Status.DISSOLVED) {
            return org;
        }
        if (Finds.any(mongo, Query.query(Criteria.where("parentId").is(id).and("status").is(Organization.Status.ACTIVE)),
                Organization.class)) {
            throw ApiException.conflict("has-active-children", org.getName());
        }
        if (members.hasMembers(id)) {
            throw ApiException.conflict("has-members", org.getName());
        }
        org.dissolve();
        return save(org);
    }
}
