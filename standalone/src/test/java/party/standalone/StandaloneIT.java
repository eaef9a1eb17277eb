package party.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import party.standalone.demo.DemoData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack in this JVM on free ports and a temporary data directory: demo data loaded
 * through the gateway, user tokens working through the gateway, and a restart on the same data
 * that duplicates nothing.
 */
class StandaloneIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void startsLoadsDemoDataAndRestartsWithoutDuplicates() throws Exception {
        StandaloneOptions options = StandaloneOptions.defaults().withDataDir(dataDir).withFreePorts().withConfigureLogging(false);
        String committee;
        String memberOfMember1;
        try (RunningStack stack = Standalone.start(options)) {
            assertThat(stack.demoSummary().countsVisible()).isTrue();
            assertThat(stack.demoSummary().fullMembers()).isEqualTo(8);
            assertThat(stack.demoSummary().probationaryMembers()).isEqualTo(2);
            assertThat(stack.demoSummary().training()).contains("16 sessions");
            committee = stack.demo().require(DemoDirectory.COMMITTEE);
            memberOfMember1 = stack.demo().require(DemoDirectory.MEMBER_1);

            String secretary = stack.token("secretary1");
            JsonNode visible = get(stack.gatewayUrl() + "/api/v1/organizations", secretary);
            assertThat(visible.path("items").findValuesAsString("id")).contains(stack.demo().require(DemoDirectory.BRANCH_1))
                    .doesNotContain(stack.demo().require(DemoDirectory.BRANCH_2));
            assertThat(status(stack.gatewayUrl() + "/api/v1/organizations", null)).isEqualTo(401);
            // No servlet app hooks every Reactor operator of the gateway in this JVM (NoSecurityReactorHook).
            for (String app : List.of("organization-service", "member-service", "assessment-service", "training-service")) {
                assertThat(stack.context(app).containsBeanDefinition("securityReactorContextSubscriberRegistrar")).as(app)
                        .isFalse();
                assertThat(stack.context(app).getBeanNamesForType(org.springframework.security.web.SecurityFilterChain.class))
                        .as(app).isNotEmpty();
            }
            // The gateway traces nothing, as deployed (its image has no OpenTelemetry).
            assertThat(stack.context("gateway").getBeanNamesForType(io.micrometer.tracing.handler.TracingObservationHandler.class))
                    .isEmpty();
            assertThat(stack.context("training-service").getBeanNamesForType(
                    io.micrometer.tracing.handler.TracingObservationHandler.class)).isNotEmpty();
        }

        try (RunningStack stack = Standalone.start(options)) {
            assertThat(stack.demo().require(DemoDirectory.COMMITTEE)).isEqualTo(committee);
            String admin = stack.integrationToken();
            assertThat(get(stack.gatewayUrl() + "/api/v1/organizations?code=XXMK", admin).path("total").asLong()).isEqualTo(1);
            assertThat(get(stack.gatewayUrl() + "/api/v1/members?orgId=" + committee + "&size=1", admin).path("total").asLong())
                    .isEqualTo(DemoData.members().size());
            JsonNode secretaries = get(stack.gatewayUrl() + "/api/v1/organizations/" + committee + "/secretaries/summary", admin);
            assertThat(secretaries.path("fullTimeSecretaries").asInt()).isEqualTo(1);
            assertThat(secretaries.path("partTimeSecretaries").asInt()).isEqualTo(2);
            JsonNode expired = get(stack.gatewayUrl() + "/api/v1/organizations/" + committee + "/terms/expired", admin);
            assertThat(expired.path("items").findValuesAsString("orgId")).containsExactly(stack.demo().require(DemoDirectory.BRANCH_3));

            // Training and assessment demo data: nothing twice after the restart.
            String branch1 = stack.demo().require(DemoDirectory.BRANCH_1);
            String branch3 = stack.demo().require(DemoDirectory.BRANCH_3);
            assertThat(get(stack.gatewayUrl() + "/api/v1/trainings/plans?orgId=" + committee, admin).path("total").asLong())
                    .isEqualTo(1);
            assertThat(get(stack.gatewayUrl() + "/api/v1/trainings/sessions?orgId=" + committee + "&size=1", admin)
                    .path("total").asLong()).isEqualTo(16);
            assertThat(get(stack.gatewayUrl() + "/api/v1/trainings/dispatches?orgId=" + branch1, admin).path("total").asLong())
                    .isEqualTo(1);
            assertThat(get(stack.gatewayUrl() + "/api/v1/assessments/organizations/" + branch3 + "/rectifications", admin)
                    .path("total").asLong()).isEqualTo(1);
            JsonNode trend = get(stack.gatewayUrl() + "/api/v1/assessments/branches/" + branch3 + "/scores", admin);
            assertThat(trend.size()).isEqualTo(1);

            // member1 is the demo member the directory names, the same after the restart.
            assertThat(stack.demo().require(DemoDirectory.MEMBER_1)).isEqualTo(memberOfMember1);
            JsonNode progress = get(stack.gatewayUrl() + "/api/v1/trainings/me/progress", stack.token("member1"));
            assertThat(progress.path("memberId").asString()).isEqualTo(memberOfMember1);
            assertThat(progress.path("orgId").asString()).isEqualTo(branch1);
        }
    }

    private JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
