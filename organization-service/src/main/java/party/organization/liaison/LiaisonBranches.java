package party.organization.liaison;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.organization.organization.OrganizationType;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;

/**
 * The branches liaison points and research trips refer to. Scope checks always run against the
 * stored organization's current ancestors (never ancestors copied into our documents), so a move
 * of a subtree moves its liaison points and trips with it.
 */
@Component
class LiaisonBranches {

    private final MongoTemplate mongo;
    private final OrganizationService organizations;

    LiaisonBranches(MongoTemplate mongo, OrganizationService organizations) {
        this.mongo = mongo;
        this.organizations = organizations;
    }

    /** The branch a request body names, for a change: 422 unknown or not an active branch, 403 outside the scope. */
    Organization forChange(CurrentUser user, String orgId) {
        Organization org = mongo.findById(orgId, Organization.class);
        if (org == null) {
            throw ApiException.unprocessable("liaison-branch-unknown", orgId);
        }
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        if (org.getType() != OrganizationType.BRANCH) {
            throw ApiException.unprocessable("liaison-branch-required", org.getName(), org.getType());
        }
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("liaison-branch-dissolved", org.getName());
        }
        return org;
    }

    /** An object's organization, for reading it: 404 (as if the object did not exist) outside the scope. */
    void requireVisible(CurrentUser user, String orgId, String resource) {
        Organization org = mongo.findById(orgId, Organization.class);
        OrgScope.requireVisible(user, orgId, org == null ? List.of() : org.getAncestors(), resource);
    }

    /** The organization named in a path, with the read check, and the ids of its whole subtree. */
    List<String> subtree(CurrentUser user, String orgId) {
        return organizations.subtreeIds(organizations.get(user, orgId).getId());
    }

    /** Ids of every organization the caller may see: the union of the subtrees they manage. */
    Set<String> visible(CurrentUser user) {
        Set<String> ids = new LinkedHashSet<>();
        user.orgScopes().forEach(scope -> ids.addAll(organizations.subtreeIds(scope)));
        return ids;
    }

    /** Names of organizations by id, for views. */
    Map<String, String> names(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(Set.copyOf(ids))), Organization.class).stream()
                .collect(Collectors.toMap(Organization::getId, Organization::getName, (a, b) -> a));
    }

    String name(String id) {
        return names(List.of(id)).get(id);
    }
}
