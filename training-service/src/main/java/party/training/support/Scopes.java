package party.training.support;

import java.util.List;
import org.springframework.stereotype.Component;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;

/** Org-scope checks against the STORED organization (its ancestors from the org-tree projection). */
@Component
public class Scopes {

    private final OrgTree tree;

    Scopes(OrgTree tree) {
        this.tree = tree;
    }

    /** The organization, if the caller sees it; unknown and out of scope are the same 404. */
    public OrgNode visible(String orgId, CurrentUser user, String resource) {
        OrgNode org = orgId == null ? null : tree.find(orgId).orElse(null);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName(resource));
        }
        OrgScope.requireVisible(user, org.id(), org.ancestors(), resource);
        return org;
    }

    /** The organization, if the caller manages it: unknown is a 422, out of scope a 403. */
    public OrgNode managed(String orgId, CurrentUser user) {
        OrgNode org = tree.find(orgId).orElseThrow(() -> ApiException.unprocessable("unknown-organization", orgId));
        OrgScope.requireManaged(user, org.id(), org.ancestors());
        return org;
    }

    /** An active organization the caller manages, for creating things in it. */
    public OrgNode managedActive(String orgId, CurrentUser user) {
        OrgNode org = managed(orgId, user);
        if (!org.active()) {
            throw ApiException.unprocessable("organization-dissolved", orgId);
        }
        return org;
    }

    /** Ids of the subtree of an organization the caller sees. */
    public List<String> visibleSubtree(String orgId, CurrentUser user) {
        OrgNode org = visible(orgId, user, "organization");
        return tree.subtreeIds(org.id());
    }

    public java.util.Optional<OrgNode> find(String orgId) {
        return orgId == null ? java.util.Optional.empty() : tree.find(orgId);
    }

    /** Whether the caller manages the organization (for showing manager-only fields). */
    public boolean manages(CurrentUser user, String orgId) {
        return tree.find(orgId).map(org -> user.manages(org.ancestorsAndSelf())).orElse(false);
    }
}
