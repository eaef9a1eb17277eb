package party.standalone.auth;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import party.platform.security.CurrentUser;
import party.standalone.DemoDirectory;

/**
 * Writes the platform claims into every access token: {@code aud} = {@code party-api},
 * {@code roles}, {@code org_scopes} (organization ids resolved from the {@link DemoDirectory} at
 * token time, so tokens minted after the demo data is loaded carry the real ids),
 * {@code permissions} and, for an account that is a member, {@code member_id} (the member record's
 * id, resolved from the directory in the same way). The subject is the user name, or the client id
 * for client credentials.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String ORG_SCOPES = "org_scopes";
    static final String PERMISSIONS = "permissions";

    private final DemoDirectory directory;

    TokenClaims(DemoDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        Principal principal = DemoAccounts.find(context.getPrincipal().getName())
                .orElse(new Principal(context.getPrincipal().getName(), List.of(), List.of(), List.of()));
        context.getClaims()
                .audience(List.of(DemoAccounts.AUDIENCE))
                .claim(ROLES, principal.roles())
                .claim(ORG_SCOPES, directory.ids(principal.scopeKeys()))
                .claim(PERMISSIONS, principal.permissions());
        if (principal.memberKey() != null) {
            // Before the demo data is loaded the member does not exist yet: the token simply has no member id.
            directory.id(principal.memberKey()).ifPresent(id -> context.getClaims().claim(CurrentUser.MEMBER_ID_CLAIM, id));
        }
    }
}
