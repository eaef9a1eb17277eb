package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.security.Roles;
import party.platform.test.TestJwt;

/** Tokens are validated by the service itself; problem texts follow Accept-Language. */
class AuthenticationAndLanguageIT extends IntegrationTest {

    @Test
    void missingExpiredOrForeignTokensAreRejected() {
        Orgs orgs = orgs();
        List<String> roles = List.of(Roles.ORG_STAFF);
        List<String> scopes = List.of(orgs.committee());
        String expired = TestJwt.get().token("staff", roles, scopes, List.of(), TestJwt.AUDIENCE, Duration.ofMinutes(-5));
        String otherAudience = TestJwt.get().token("staff", roles, scopes, List.of(), "another-api", Duration.ofMinutes(5));

        for (String token : new String[] {null, expired, otherAudience, "not-a-jwt"}) {
            Response read = get("/api/v1/members?orgId=" + orgs.branchA(), token);
            assertThat(read.status()).isEqualTo(401);
            assertThat(read.problem()).isEqualTo("unauthorized");
            Response write = register(token, registration(orgs.branchA()));
            assertThat(write.status()).isEqualTo(401);
        }
        assertThat(membersIn(orgs.all())).isZero();
        assertThat(get("/api/v1/members?orgId=" + orgs.branchA(), staff(orgs)).status()).isEqualTo(200);
    }

    @Test
    void problemTextsFollowAcceptLanguage() {
        Orgs orgs = orgs();
        Response english = register(staff(orgs), registration(orgs.general()), "Accept-Language", "en");
        Response chinese = register(staff(orgs), registration(orgs.general()), "Accept-Language", "zh-CN");
        Response byDefault = register(staff(orgs), registration(orgs.general()));

        assertThat(english.problem()).isEqualTo("not-a-branch");
        assertThat(chinese.problem()).isEqualTo("not-a-branch");
        assertThat(english.json().path("title").asString()).isEqualTo("Not a Party branch");
        assertThat(english.json().path("detail").asString()).contains(orgs.general());
        assertThat(chinese.json().path("title").asString()).isEqualTo("不是党支部");
        assertThat(byDefault.json().path("title").asString()).isEqualTo("不是党支部");

        // Field messages too.
        java.util.Map<String, Object> blank = registration(orgs.branchA());
        blank.put("name", "");
        assertThat(register(staff(orgs), blank, "Accept-Language", "en").json().path("errors").get(0).path("message")
                .asString()).isEqualTo("must not be blank");
        assertThat(register(staff(orgs), blank, "Accept-Language", "zh-CN").json().path("errors").get(0).path("message")
                .asString()).isEqualTo("不能为空");

        // And the security layer's own problems.
        assertThat(get("/api/v1/members?orgId=x", null, "Accept-Language", "en").json().path("title").asString())
                .isEqualTo("Authentication required");
        assertThat(get("/api/v1/members?orgId=x", null, "Accept-Language", "zh-CN").json().path("title").asString())
                .isEqualTo("需要登录认证");
    }
}
