package party.assessment.config;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;

/** Org-tree lookups with the scope checks every capability applies, always on the stored node. */
@Component
public class Orgs {

    public static final String BRANCH = "BRANCH";

    private final OrgTree tree;
    private final MongoTemplate mongo;

    Orgs(OrgTree tree, MongoTemplate mongo) {
        this.tree = tree;
        this.mongo = mongo;
    }

    public OrgNode find(String orgId) {
        return tree.find(orgId).orElse(null);
    }

    /** An organization the caller may see (404 otherwise). */
    public OrgNode visible(String orgId, CurrentUser user) {
        OrgNode node = orgId == null ? null : tree.find(orgId).orElse(null);
        if (node == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("organization"));
        }
        OrgScope.requireVisible(user, node.id(), node.ancestors(), "organization");
        return node;
    }

    /** An organization the caller manages (404 unknown, 403 outside the scope). */
    public OrgNode managed(String orgId, CurrentUser user) {
        OrgNode node = orgId == null ? null : tree.find(orgId).orElse(null);
        if (node == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("organization"));
        }
        OrgScope.requireManaged(user, node.id(), node.ancestors());
        return node;
    }

    /** A branch the caller manages, active: what inspections, evaluations and reviews are about. */
    public OrgNode managedBranch(String orgId, CurrentUser user) {
        OrgNode node = managed(orgId, user);
        requireBranch(node);
        return node;
    }

    public OrgNode visibleBranch(String orgId, CurrentUser user) {
        OrgNode node = visible(orgId, user);
        requireBranch(node);
        return node;
    }

    /**
     * The caller is the branch's superior: they manage an organization above it (not only the branch
     * itself). Verifying rectification and determining grades are the superior's.
     */
    public void requireSuperior(OrgNode node, CurrentUser user) {
        if (!user.manages(node.ancestors() == null ? List.of() : node.ancestors())) {
            throw ApiException.forbidden("superior-only", node.id());
        }
    }

    public List<String> subtreeIds(String orgId) {
        return tree.subtreeIds(orgId);
    }

    /** Active branches of a subtree (the organization itself when it is a branch). */
    public List<OrgNode> branchesIn(String orgId) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("_id").is(orgId), Criteria.where("ancestors").is(orgId))
                .and("type").is(BRANCH)).with(Sort.by("_id"));
        return mongo.find(query, OrgNode.class).stream().filter(OrgNode::active).toList();
    }

    /** Active children of an organization of a type (e.g. the groups of a branch, sibling branches). */
    public List<OrgNode> children(String parentId, String type) {
        return mongo.find(Query.query(Criteria.where("parentId").is(parentId).and("type").is(type)).with(Sort.by("_id")),
                OrgNode.class).stream().filter(OrgNode::active).toList();
    }

    private static void requireBranch(OrgNode node) {
        if (!BRANCH.equals(node.type())) {
            throw ApiException.unprocessable("not-a-branch", node.id());
        }
        if (!node.active()) {
            throw ApiException.unprocessable("organization-dissolved", node.id());
        }
    }
}
