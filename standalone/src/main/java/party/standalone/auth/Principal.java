package party.standalone.auth;

import java.util.List;

/**
 * What a demo user or client may do, as written into its access token.
 *
 * @param name user name or client id (the token's {@code sub})
 * @param roles platform roles, the {@code roles} claim
 * @param scopeKeys {@link party.standalone.DemoDirectory} keys of the organizations whose
 *                  subtrees it manages, resolved to ids into the {@code org_scopes} claim
 * @param permissions the {@code permissions} claim
 * @param memberKey {@link party.standalone.DemoDirectory} key of the member record this account
 *                  belongs to, resolved to its id into the {@code member_id} claim; null for
 *                  accounts that are not a member
 */
public record Principal(String name, List<String> roles, List<String> scopeKeys, List<String> permissions, String memberKey) {

    public Principal {
        roles = List.copyOf(roles);
        scopeKeys = List.copyOf(scopeKeys);
        permissions = List.copyOf(permissions);
    }

    /** An account that is not a member. */
    public Principal(String name, List<String> roles, List<String> scopeKeys, List<String> permissions) {
        this(name, roles, scopeKeys, permissions, null);
    }
}
