package party.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static party.systemtests.SharedStack.gateway;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.platform.test.TestHttp;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;

/**
 * The gateway routes every path family of training- and assessment-service (the API and the admin
 * paths) to its service, refuses them without a token, and a bad request comes back from the
 * service as Problem Details through the gateway.
 */
@ExtendWith(SharedStack.class)
class GatewayRoutesST {

    private static RunningStack stack;
    private static String admin;

    @BeforeAll
    static void start(RunningStack shared) {
        stack = shared;
        admin = stack.integrationToken();
    }

    @Test
    void everyTrainingAndAssessmentPathFamilyReachesItsService() {
        String committee = stack.demo().require(DemoDirectory.COMMITTEE);
        int year = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getYear();
        Map<String, String> paths = Map.of(
                "/api/v1/trainings/plans?orgId=" + committee + "&year=" + year, "training-service",
                "/api/v1/admin/training-service/outbox", "training-service",
                "/api/v1/assessments/templates/active", "assessment-service",
                "/api/v1/admin/assessment-service/outbox", "assessment-service");
        paths.forEach((path, service) -> {
            TestHttp.Response response = gateway(stack, admin).get(path);
            assertThat(response.status()).as(path + " → " + service + ": " + response.raw()).isEqualTo(200);
            assertThat(TestHttp.at(stack.gatewayUrl()).get(path).status()).as(path + " without a token").isEqualTo(401);
        });
        assertThat(gateway(stack, admin).get("/api/v1/assessments/templates/active").json().get("id").asString())
                .isEqualTo("default-v1");
    }

    @Test
    void aBadRequestToEitherServiceIsAProblemDetailsAnswerThroughTheGateway() {
        TestHttp.Response plan = gateway(stack, admin).header("Accept-Language", "en")
                .post("/api/v1/trainings/plans", Map.of("title", "没有组织和年度"));
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.header("Content-Type")).startsWith("application/problem+json");
        assertThat(plan.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("orgId", "year");

        TestHttp.Response item = gateway(stack, admin).header("Accept-Language", "en")
                .post("/api/v1/assessments/rectifications", Map.of("orgId", stack.demo().require(DemoDirectory.BRANCH_1)));
        assertThat(item.status()).isEqualTo(400);
        assertThat(item.header("Content-Type")).startsWith("application/problem+json");
        assertThat(item.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("problem", "measure", "deadline");

        TestHttp.Response malformed = gateway(stack, admin).post("/api/v1/trainings/dispatches", "{\"memberId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("status").asInt()).isEqualTo(400);
    }
}
