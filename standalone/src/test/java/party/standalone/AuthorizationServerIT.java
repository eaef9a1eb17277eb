package party.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import party.standalone.auth.DemoAccounts;

/** The standalone authorization server, alone: real HTTP, real tokens, checked against its published keys. */
class AuthorizationServerIT {

    @TempDir
    static Path dataDir;

    static StandaloneOptions options;
    static DemoDirectory directory = new DemoDirectory();
    static ConfigurableApplicationContext context;
    static TokenClient tokens;

    @BeforeAll
    static void start() {
        options = StandaloneOptions.defaults().withDataDir(dataDir).withFreePorts();
        directory.record(DemoDirectory.COMMITTEE, "org-committee");
        directory.record(DemoDirectory.BRANCH_1, "org-branch-1");
        context = Standalone.authServer(options, directory).run();
        tokens = new TokenClient(URI.create(options.issuer()));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void publishesMetadataWithItsIssuer() throws Exception {
        HttpResponse<String> metadata = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(options.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"issuer\":\"" + options.issuer() + "\"");
    }

    @Test
    void clientCredentialsTokenCarriesAudienceRolesAndOrgScopes() {
        Jwt jwt = decode(tokens.clientCredentials(DemoAccounts.INTEGRATION_CLIENT, DemoAccounts.INTEGRATION_SECRET));

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getSubject()).isEqualTo("party-integration");
        assertThat(jwt.getAudience()).containsExactly("party-api");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ADMIN");
        assertThat(jwt.getClaimAsStringList("org_scopes")).containsExactly("org-committee");
        assertThat(jwt.getClaimAsStringList("permissions")).isEmpty();
    }

    @Test
    void orgScopesAreResolvedWhenTheTokenIsMinted() {
        // Branch 2 is not known yet (the demo data loader has not created it): secretary2 manages nothing.
        Jwt before = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "secretary2", "demo"));
        assertThat(before.getClaimAsStringList("org_scopes")).isEmpty();

        directory.record(DemoDirectory.BRANCH_2, "org-branch-2");

        Jwt after = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "secretary2", "demo"));
        assertThat(after.getClaimAsStringList("org_scopes")).containsExactly("org-branch-2");
    }

    @Test
    void member1sTokenCarriesTheMemberIdOnceTheDemoDataHasRecordedIt() {
        Jwt before = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "member1", "demo"));
        assertThat(before.hasClaim("member_id")).isFalse();

        directory.record(DemoDirectory.MEMBER_1, "member-of-member1");

        Jwt after = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "member1", "demo"));
        assertThat(after.getClaimAsString("member_id")).isEqualTo("member-of-member1");
        Jwt secretary = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "secretary1", "demo"));
        assertThat(secretary.hasClaim("member_id")).isFalse();
        assertThat(decode(tokens.clientCredentials(DemoAccounts.INTEGRATION_CLIENT, DemoAccounts.INTEGRATION_SECRET))
                .hasClaim("member_id")).isFalse();
    }

    @Test
    void wrongClientSecretIsRejected() {
        assertThatThrownBy(() -> tokens.clientCredentials(DemoAccounts.INTEGRATION_CLIENT, "wrong"))
                .hasMessageContaining("401");
    }

    @Test
    void pkceLoginGivesAUserTokenWithItsScope() {
        Jwt secretary = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "secretary1", "demo"));
        assertThat(secretary.getSubject()).isEqualTo("secretary1");
        assertThat(secretary.getAudience()).containsExactly("party-api");
        assertThat(secretary.getClaimAsStringList("roles")).containsExactly("SECRETARY");
        assertThat(secretary.getClaimAsStringList("org_scopes")).containsExactly("org-branch-1");

        Jwt admin = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "admin", "demo"));
        assertThat(admin.getClaimAsStringList("roles")).containsExactly("ADMIN", "ORG_STAFF");
        assertThat(admin.getClaimAsStringList("org_scopes")).containsExactly("org-committee");
        assertThat(admin.getClaimAsStringList("permissions")).containsExactly("pii:read");

        Jwt member = decode(tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "member1", "demo"));
        assertThat(member.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(member.getClaimAsStringList("org_scopes")).isEmpty();
    }

    @Test
    void pkceLoginWithAWrongPasswordFails() {
        assertThatThrownBy(() -> tokens.authorizationCode(DemoAccounts.PORTAL_CLIENT, DemoAccounts.CLI_REDIRECT_URI, "secretary1", "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretary1");
    }

    @Test
    void signingKeyIsKeptInTheDataDirectory() {
        String token = tokens.clientCredentials(DemoAccounts.INTEGRATION_CLIENT, DemoAccounts.INTEGRATION_SECRET);
        StandaloneOptions again = options.withFreePorts();
        try (ConfigurableApplicationContext restarted = Standalone.authServer(again, new DemoDirectory()).run()) {
            Jwt jwt = NimbusJwtDecoder.withJwkSetUri(again.issuer() + "/oauth2/jwks").build().decode(token);
            assertThat(jwt.getSubject()).isEqualTo("party-integration");
        }
        assertThat(dataDir.resolve("auth").resolve("signing-key.json")).exists();
    }

    private static Jwt decode(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(options.issuer() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(options.issuer()));
        return decoder.decode(token);
    }
}
