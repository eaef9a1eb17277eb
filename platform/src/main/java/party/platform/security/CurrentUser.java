package party.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller, read from the validated JWT.
 *
 * @param id the token's {@code sub}
 * @param roles platform roles (ADMIN, ORG_STAFF, SECRETARY, INSPECTOR, MEMBER)
 * @param orgScopes ids of the organizations whose subtrees the caller manages
 * @param permissions fine-grained permissions, e.g. {@code pii:read}
 * @param memberId the member record this account belongs to ({@code member_id} claim), or null for
 *                 accounts that are not a member (integrations, staff without a record)
 */
public record CurrentUser(String id, Set<String> roles, Set<String> orgScopes, Set<String> permissions, String memberId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String ORG_SCOPES_CLAIM = "org_scopes";
    public static final String PERMISSIONS_CLAIM = "permissions";
    public static final String MEMBER_ID_CLAIM = "member_id";

    public CurrentUser(String id, Set<String> roles, Set<String> orgScopes, Set<String> permissions) {
        this(id, roles, orgScopes, permissions, null);
    }

    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new IllegalStateException("no authenticated caller");
    }

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), strings(jwt, ROLES_CLAIM), strings(jwt, ORG_SCOPES_CLAIM),
                strings(jwt, PERMISSIONS_CLAIM), jwt.getClaimAsString(MEMBER_ID_CLAIM));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /** Whether the caller manages an object whose ancestors-and-self are given. */
    public boolean manages(Collection<String> ancestorsAndSelf) {
        return ancestorsAndSelf.stream().anyMatch(orgScopes::contains);
    }

    private static Set<String> strings(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
