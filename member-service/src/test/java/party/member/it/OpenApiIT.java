package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The service describes its API (OpenAPI 3.1) without a token, for the gateway's hub. */
class OpenApiIT extends IntegrationTest {

    @Test
    void theApiDescriptionListsTheMemberEndpoints() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.1");
        assertThat(docs.json().path("paths").has("/api/v1/members")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/members/{id}")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/members/by-national-id")).isTrue();
    }

    @Test
    void healthProbesArePublic() {
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Response health = get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }
}
