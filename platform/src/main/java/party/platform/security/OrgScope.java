package party.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import party.platform.web.ApiException;

/**
 * The object-level authorization check (OWASP API1): the caller's managed subtrees from the token
 * against the object's {@code ancestors}. Org ids in a request never widen the scope: the check
 * always runs against the stored object's ancestors.
 */
public final class OrgScope {

    private OrgScope() {
    }

    /** For reads: an object outside the caller's scope does not exist for them (404, no data). */
    public static void requireVisible(CurrentUser user, String orgId, Collection<String> ancestors, String resource) {
        if (!user.manages(ancestorsAndSelf(orgId, ancestors))) {
            throw ApiException.notFound("not-found", resourceName(resource));
        }
    }

    /** For changes: writing into an organization outside the caller's scope is forbidden (403). */
    public static void requireManaged(CurrentUser user, String orgId, Collection<String> ancestors) {
        if (!user.manages(ancestorsAndSelf(orgId, ancestors))) {
            throw ApiException.forbidden("out-of-scope", orgId);
        }
    }

    /**
     * The localized name of a kind of resource for messages: code {@code resource.<name>} in the
     * service's messages, the name itself when there is none.
     */
    public static org.springframework.context.MessageSourceResolvable resourceName(String resource) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"resource." + resource}, resource);
    }

    public static List<String> ancestorsAndSelf(String orgId, Collection<String> ancestors) {
        List<String> all = new ArrayList<>(ancestors == null ? List.of() : ancestors);
        all.add(orgId);
        return all;
    }
}
