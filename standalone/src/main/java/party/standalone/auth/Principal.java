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
 */
public record Principal(String name, List<String> roles, List<String> scopeKeys, List<String> permissions) {

    public Principal {
        roles = List.copyOf(roles);
        scopeKeys = List.copyOf(scopeKeys);
        permissions = List.copyOf(permissions);
    }
}
