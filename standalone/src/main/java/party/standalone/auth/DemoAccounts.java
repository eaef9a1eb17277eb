package party.standalone.auth;

import static party.standalone.DemoDirectory.BRANCH_1;
import static party.standalone.DemoDirectory.BRANCH_2;
import static party.standalone.DemoDirectory.COMMITTEE;
import static party.standalone.DemoDirectory.MEMBER_1;

import java.util.List;
import java.util.Optional;

/**
 * The demo users (form login) and clients of the standalone authorization server. Every demo
 * user's password is {@value #PASSWORD}. Nothing here is meant for production, where the
 * enterprise identity provider issues the tokens.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    /** Public client (PKCE) for the portal, Swagger UI and {@code token.sh}. */
    public static final String PORTAL_CLIENT = "party-portal";
    /** Confidential client (client credentials) for integrations and the demo data loader. */
    public static final String INTEGRATION_CLIENT = "party-integration";
    public static final String INTEGRATION_SECRET = "integration-secret";
    /** The audience every resource server expects. */
    public static final String AUDIENCE = "party-api";
    /** Redirect URI of command-line logins ({@code token.sh}, {@code RunningStack.token}). */
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1:8765/callback";

    public static final List<Principal> USERS = List.of(
            new Principal("admin", List.of("ADMIN", "ORG_STAFF"), List.of(COMMITTEE), List.of("pii:read")),
            new Principal("secretary1", List.of("SECRETARY"), List.of(BRANCH_1), List.of()),
            new Principal("secretary2", List.of("SECRETARY"), List.of(BRANCH_2), List.of()),
            new Principal("inspector", List.of("INSPECTOR"), List.of(COMMITTEE), List.of()),
            new Principal("member1", List.of("MEMBER"), List.of(), List.of(), MEMBER_1));

    public static final Principal INTEGRATION =
            new Principal(INTEGRATION_CLIENT, List.of("ADMIN"), List.of(COMMITTEE), List.of());

    private DemoAccounts() {
    }

    /** The user or client named {@code name} (a token's subject). */
    public static Optional<Principal> find(String name) {
        if (INTEGRATION.name().equals(name)) {
            return Optional.of(INTEGRATION);
        }
        return USERS.stream().filter(user -> user.name().equals(name)).findFirst();
    }
}
