package party.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import party.platform.test.TestHttp;
import party.standalone.DemoDirectory;
import party.standalone.RunningStack;
import party.standalone.Standalone;
import party.standalone.StandaloneOptions;
import party.standalone.demo.NationalIds;
import tools.jackson.databind.JsonNode;

/**
 * The foundation's vertical slice, black-box: the standalone stack (real Kafka broker, MongoDB-wire
 * server, authorization server, four services, gateway) started on free ports with a fresh data
 * folder, and every call made through the gateway with tokens from the real login flow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // first: its own stack is stopped before the shared one (SharedStack) starts
class SliceST {

    private static RunningStack stack;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("party-system-tests");
        stack = Standalone.start(StandaloneOptions.defaults().withDataDir(data).withFreePorts());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static TestHttp gateway(String token) {
        return TestHttp.at(stack.gatewayUrl()).as(token);
    }

    private static Map<String, Object> member(String orgId, String status) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(n * 31L);
        return Map.of("name", "系统测试党员" + n, "gender", "MALE", "birthDate", birth.toString(),
                "nationalId", NationalIds.of("230103", birth, 301 + 2 * n), "phone", "1380013" + String.format("%04d", n),
                "orgId", orgId, "status", status);
    }

    private static JsonNode counts(String token, String orgId) {
        TestHttp.Response response = gateway(token).get("/api/v1/organizations/" + orgId);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json().get("memberCounts");
    }

    @Test
    @Order(1)
    void aRegistrationThroughTheGatewayMovesTheCountsOfTheBranchAndEveryAncestor() {
        String admin = stack.token("admin");
        String committee = stack.demo().require(DemoDirectory.COMMITTEE);
        String branch = stack.demo().require(DemoDirectory.BRANCH_1);
        long committeeBefore = counts(admin, committee).get("subtree").get("total").asLong();
        long branchBefore = counts(admin, branch).get("direct").get("probationary").asLong();

        TestHttp.Response created = gateway(admin).post("/api/v1/members", member(branch, "PROBATIONARY"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().get("nationalId").asString()).matches("230103\\*{8}\\w{4}");
        assertThat(created.header("X-Request-Id")).isNotBlank();

        long t0 = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(counts(admin, branch).get("direct").get("probationary").asLong()).isEqualTo(branchBefore + 1);
            assertThat(counts(admin, committee).get("subtree").get("total").asLong()).isEqualTo(committeeBefore + 1);
        });
        System.out.printf("slice event latency: counts visible %d ms after the 201%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    @Order(2)
    void aBranchSecretaryReadsAndRegistersOnlyInTheirOwnBranch() {
        String secretary = stack.token("secretary1");
        String own = stack.demo().require(DemoDirectory.BRANCH_1);
        String other = stack.demo().require(DemoDirectory.BRANCH_2);

        TestHttp.Response mine = gateway(secretary).post("/api/v1/members", member(own, "FULL"));
        assertThat(mine.status()).as(mine.raw()).isEqualTo(201);
        assertThat(gateway(secretary).get("/api/v1/members/" + mine.json().get("id").asString()).status()).isEqualTo(200);

        TestHttp.Response foreign = gateway(secretary).post("/api/v1/members", member(other, "FULL"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");

        String othersMember = gateway(stack.token("secretary2")).post("/api/v1/members", member(other, "FULL"))
                .json().get("id").asString();
        TestHttp.Response peek = gateway(secretary).get("/api/v1/members/" + othersMember);
        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.raw()).doesNotContain("系统测试党员");
        assertThat(gateway(secretary).get("/api/v1/members?orgId=" + other).status()).isIn(403, 404);
        assertThat(gateway(secretary).get("/api/v1/organizations/" + other).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void badInputIsA4xxProblemAndStoresNothing() {
        String admin = stack.token("admin");
        String branch = stack.demo().require(DemoDirectory.BRANCH_2);
        long before = gateway(admin).get("/api/v1/members?orgId=" + branch).json().get("total").asLong();

        assertThat(gateway(admin).post("/api/v1/members", "{\"name\": ").status()).isEqualTo(400);
        TestHttp.Response missing = gateway(admin).header("Accept-Language", "en").post("/api/v1/members", Map.of("name", "缺字段"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("nationalId", "orgId");
        Map<String, Object> badId = new java.util.HashMap<>(member(branch, "FULL"));
        badId.put("nationalId", "110105194912310022");
        assertThat(gateway(admin).post("/api/v1/members", badId).status()).isEqualTo(400);
        TestHttp.Response unknown = gateway(admin).post("/api/v1/members", member("no-such-branch", "FULL"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:party-building:problem:unknown-organization");

        assertThat(gateway(admin).get("/api/v1/members?orgId=" + branch).json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void withTheBrokerStoppedRegistrationsSucceedAndEveryEventArrivesWhenItReturns() {
        String admin = stack.token("admin");
        String branch = stack.demo().require(DemoDirectory.BRANCH_2);
        long before = counts(admin, branch).get("direct").get("total").asLong();

        stack.stopKafka();
        try {
            for (int i = 0; i < 3; i++) {
                TestHttp.Response created = gateway(admin).post("/api/v1/members", member(branch, "FULL"));
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
            }
            assertThat(counts(admin, branch).get("direct").get("total").asLong()).isEqualTo(before);
        } finally {
            stack.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(counts(admin, branch).get("direct").get("total").asLong()).isEqualTo(before + 3));
    }

    @Test
    @Order(5)
    void requestsWithoutAValidTokenAreRefusedAtTheGateway() {
        TestHttp.Response none = TestHttp.at(stack.gatewayUrl()).get("/api/v1/organizations");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(gateway("not-a-jwt").get("/api/v1/organizations").status()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void theSwaggerUiListsEveryServiceAndEachApiDocIsReachable() {
        for (String service : List.of("organization-service", "member-service", "assessment-service", "training-service")) {
            TestHttp.Response docs = TestHttp.at(stack.gatewayUrl()).get("/v3/api-docs/" + service);
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
        }
    }

    @Test
    @Order(100)
    void aServiceThatIsDownGivesAFast503ProblemNamingIt() {
        stack.stopService("member-service");
        long t0 = System.nanoTime();
        TestHttp.Response down = gateway(stack.token("admin")).get("/api/v1/members?orgId=" + stack.demo().require(DemoDirectory.BRANCH_1));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("service").asString()).isEqualTo("member-service");
        assertThat(down.json().get("type").asString()).isEqualTo("urn:party-building:problem:service-unavailable");
        assertThat(millis).isLessThan(3000);
    }
}
