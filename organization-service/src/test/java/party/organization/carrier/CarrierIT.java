package party.organization.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The carrier registry over real HTTP, MongoDB and Kafka: roster checks, one brand per branch, If-Match, scope, counts. */
class CarrierIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private static Map<String, Object> carrier(String kind, String orgId, String name, int year, List<String> members) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "orgId", orgId, "name", name,
                "yearEstablished", year, "memberIds", members));
        body.put("description", "亮身份、亮承诺、亮示范");
        return body;
    }

    private String register(String token, Map<String, Object> body) {
        TestHttp.Response response = http().as(token).post("/api/v1/carriers", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private ConsumerRecord<String, String> event(String type, String key) {
        return events().await("party.organization",
                r -> key.equals(r.key()) && type.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
    }

    private long stored(String orgId) {
        return mongo.getCollection("carriers").countDocuments(new Document("orgId", orgId));
    }

    /** Members on a branch's roster, as member-service would announce them. */
    private List<String> members(String token, String branch, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            events().send("party.member", REGISTERED, id, registered(id, branch, i % 2 == 0 ? "FULL" : "PROBATIONARY", 0));
            ids.add(id);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, branch).get("direct").get("total").asLong()).isGreaterThanOrEqualTo(count));
        return ids;
    }

    private TestHttp.Response put(String token, String path, String ifMatch, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new TestHttp.Response(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void assignedMembersMustBeOnTheBranchRoster() {
        Tree tree = tree();
        String token = admin(tree.committee());
        List<String> own = members(token, tree.branch1(), 2);
        List<String> elsewhere = members(token, tree.branch2(), 1);

        TestHttp.Response created = http().as(token).post("/api/v1/carriers",
                carrier("VANGUARD_POST", tree.branch1(), "综采工作面党员先锋岗", 2023, own));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("memberIds").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(own);
        assertThat(created.json().get("orgName").asString()).isEqualTo("综采一队党支部");
        ConsumerRecord<String, String> registered = event(Carrier.REGISTERED, id);
        assertThat(TestContracts.violations(Carrier.REGISTERED, registered.value())).isEmpty();
        assertThat(registered.value()).contains(own.get(0));

        String stranger = UUID.randomUUID().toString();
        TestHttp.Response unknown = http().as(token).header("Accept-Language", "en").post("/api/v1/carriers",
                carrier("COMMANDO_TEAM", tree.branch1(), "掘进突击队", 2023, List.of(own.get(0), stranger, elsewhere.get(0))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:party-building:problem:carrier-unknown-members");
        assertThat(unknown.json().get("unknownMemberIds").valueStream().map(JsonNode::asString))
                .containsExactly(stranger, elsewhere.get(0));
        assertThat(stored(tree.branch1())).isEqualTo(1);

        TestHttp.Response update = put(token, "/api/v1/carriers/" + id, "\"0\"",
                Map.of("name", "先锋岗", "yearEstablished", 2023, "memberIds", List.of(elsewhere.get(0))));
        assertThat(update.status()).isEqualTo(422);
        assertThat(http().as(token).get("/api/v1/carriers/" + id).json().get("memberIds").size()).isEqualTo(2);
    }

    @Test
    void updatesNeedTheCurrentVersionAndAreAnnounced() {
        Tree tree = tree();
        String token = admin(tree.committee());
        List<String> own = members(token, tree.branch2(), 2);
        String id = register(token, carrier("RESPONSIBILITY_ZONE", tree.branch2(), "党员安全责任区", 2022, List.of(own.get(0))));
        String path = "/api/v1/carriers/" + id;
        Map<String, Object> change = Map.of("name", "一号井党员安全责任区", "description", "查隐患", "yearEstablished", 2022,
                "memberIds", own);

        assertThat(put(token, path, null, change).status()).isEqualTo(428);
        assertThat(put(token, path, "\"4\"", change).status()).isEqualTo(412);
        TestHttp.Response changed = put(token, path, "\"0\"", change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().get("name").asString()).isEqualTo("一号井党员安全责任区");
        assertThat(changed.json().get("kind").asString()).isEqualTo("RESPONSIBILITY_ZONE");
        assertThat(TestContracts.violations(Carrier.CHANGED, event(Carrier.CHANGED, id).value())).isEmpty();
        // The stale version is refused even though the body would be fine.
        assertThat(put(token, path, "\"0\"", change).status()).isEqualTo(412);

        TestHttp.Response future = put(token, path, "\"1\"", Map.of("name", "x", "yearEstablished", THIS_YEAR + 1));
        assertThat(future.json().get("type").asString()).isEqualTo("urn:party-building:problem:carrier-year-in-future");

        TestHttp.Response retired = http().as(token).header("If-Match", "\"1\"").post(path + "/retire", Map.of());
        assertThat(retired.status()).as(retired.raw()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(retired.json().get("retiredOn").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(TestContracts.violations(Carrier.RETIRED, event(Carrier.RETIRED, id).value())).isEmpty();
        assertThat(put(token, path, "\"2\"", change).status()).isEqualTo(409);
        assertThat(http().as(token).header("If-Match", "\"2\"").post(path + "/retire", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aBranchHasOneActiveBrandAtATime() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String brand = register(token, carrier("BRANCH_BRAND", tree.branch1(), "安全型样板支部", 2021, List.of()));

        TestHttp.Response second = http().as(token).post("/api/v1/carriers",
                carrier("BRANCH_BRAND", tree.branch1(), "创新型样板支部", 2023, List.of()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("urn:party-building:problem:carrier-brand-exists");
        assertThat(second.json().get("title").asString()).isEqualTo("该党支部已有支部品牌");
        assertThat(stored(tree.branch1())).isEqualTo(1);
        register(token, carrier("BRANCH_BRAND", tree.branch2(), "和谐型样板支部", 2021, List.of()));

        TestHttp.Response retired = http().as(token).header("If-Match", "\"0\"")
                .post("/api/v1/carriers/" + brand + "/retire", Map.of("retiredOn", "2023-12-31"));
        assertThat(retired.status()).as(retired.raw()).isEqualTo(200);
        assertThat(retired.json().get("retiredOn").asString()).isEqualTo("2023-12-31");
        register(token, carrier("BRANCH_BRAND", tree.branch1(), "创新型样板支部", 2024, List.of()));
    }

    @Test
    void concurrentBrandsForOneBranchLeaveExactlyOne() throws Exception {
        Tree tree = tree();
        String token = admin(tree.committee());
        List<java.util.concurrent.Callable<Integer>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = carrier("BRANCH_BRAND", tree.branch1(), "品牌" + i, 2023, List.of());
            attempts.add(() -> http().as(token).post("/api/v1/carriers", body).status());
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        }
        assertThat(stored(tree.branch1())).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());

        TestHttp.Response missing = http().as(token).post("/api/v1/carriers", Map.of("memberIds", List.of("")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("kind", "orgId", "name", "yearEstablished");
        TestHttp.Response kind = http().as(token).post("/api/v1/carriers",
                carrier("MODEL_WORKER", tree.branch1(), "x", 2023, List.of()));
        assertThat(kind.status()).isEqualTo(400);
        TestHttp.Response future = http().as(token).post("/api/v1/carriers",
                carrier("INNOVATION_STUDIO", tree.branch1(), "创新工作室", THIS_YEAR + 1, List.of()));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("detail").asString()).contains(String.valueOf(THIS_YEAR + 1));
        TestHttp.Response general = http().as(token).post("/api/v1/carriers",
                carrier("VANGUARD_POST", tree.general(), "机关先锋岗", 2023, List.of()));
        assertThat(general.json().get("type").asString()).isEqualTo("urn:party-building:problem:carrier-branch-required");
        TestHttp.Response unknown = http().as(token).post("/api/v1/carriers",
                carrier("VANGUARD_POST", UUID.randomUUID().toString(), "先锋岗", 2023, List.of()));
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:party-building:problem:carrier-branch-unknown");
        assertThat(http().as(inspector(tree.committee())).post("/api/v1/carriers",
                carrier("VANGUARD_POST", tree.branch1(), "先锋岗", 2023, List.of())).status()).isEqualTo(403);

        for (String org : List.of(tree.committee(), tree.general(), tree.branch1(), tree.branch2())) {
            assertThat(stored(org)).isZero();
        }
    }

    @Test
    void aSecretaryKeepsTheirOwnBranchsCarriersAndSeesNoOthers() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String own = secretary(tree.branch1());
        String mine = register(own, carrier("VANGUARD_POST", tree.branch1(), "先锋岗", 2023, List.of()));
        String theirs = register(token, carrier("VANGUARD_POST", tree.branch2(), "掘进先锋岗", 2023, List.of()));

        TestHttp.Response outside = http().as(own).post("/api/v1/carriers",
                carrier("VANGUARD_POST", tree.branch2(), "越权先锋岗", 2023, List.of()));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(stored(tree.branch2())).isEqualTo(1);

        assertThat(http().as(own).get("/api/v1/carriers/" + mine).status()).isEqualTo(200);
        assertThat(put(own, "/api/v1/carriers/" + mine, "\"0\"", Map.of("name", "综采先锋岗", "yearEstablished", 2023))
                .status()).isEqualTo(200);
        TestHttp.Response hidden = http().as(own).get("/api/v1/carriers/" + theirs);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.raw()).doesNotContain("掘进先锋岗").doesNotContain(tree.branch2());
        assertThat(put(own, "/api/v1/carriers/" + theirs, "\"0\"", Map.of("name", "改名", "yearEstablished", 2023))
                .status()).isEqualTo(404);
        assertThat(http().as(own).header("If-Match", "\"0\"").post("/api/v1/carriers/" + theirs + "/retire", Map.of())
                .status()).isEqualTo(404);
        assertThat(http().as(own).get("/api/v1/organizations/" + tree.committee() + "/carriers").status()).isEqualTo(404);
        assertThat(http().as(own).get("/api/v1/organizations/" + tree.committee() + "/carriers/summary").status())
                .isEqualTo(404);
        assertThat(http().as(token).get("/api/v1/carriers/" + theirs).json().get("name").asString()).isEqualTo("掘进先锋岗");
    }

    @Test
    void carriersAreListedAndCountedPerKindOverASubtree() {
        Tree tree = tree();
        String token = admin(tree.committee());
        register(token, carrier("BRANCH_BRAND", tree.branch1(), "安全型样板支部", 2021, List.of()));
        register(token, carrier("BRANCH_BRAND", tree.branch2(), "和谐型样板支部", 2023, List.of()));
        register(token, carrier("VANGUARD_POST", tree.branch1(), "先锋岗一", 2023, List.of()));
        register(token, carrier("VANGUARD_POST", tree.branch1(), "先锋岗二", 2023, List.of()));
        String zone = register(token, carrier("RESPONSIBILITY_ZONE", tree.branch2(), "责任区", 2022, List.of()));
        register(token, carrier("RESPONSIBILITY_ZONE", tree.branch2(), "责任区二", 2023, List.of()));
        assertThat(http().as(token).header("If-Match", "\"0\"").post("/api/v1/carriers/" + zone + "/retire",
                Map.of("retiredOn", "2023-06-30")).status()).isEqualTo(200);

        JsonNode now = summary(token, tree.committee(), "");
        assertThat(now.get("counts").get("BRANCH_BRAND").asLong()).isEqualTo(2);
        assertThat(now.get("counts").get("VANGUARD_POST").asLong()).isEqualTo(2);
        assertThat(now.get("counts").get("RESPONSIBILITY_ZONE").asLong()).isEqualTo(1);
        assertThat(now.get("counts").get("INNOVATION_STUDIO").asLong()).isZero();
        assertThat(now.get("total").asLong()).isEqualTo(5);
        JsonNode general = summary(token, tree.general(), "");
        assertThat(general.get("counts").get("BRANCH_BRAND").asLong()).isEqualTo(1);
        assertThat(general.get("total").asLong()).isEqualTo(3);
        JsonNode end2022 = summary(token, tree.committee(), "?year=2022");
        assertThat(end2022.get("counts").get("RESPONSIBILITY_ZONE").asLong()).isEqualTo(1);
        assertThat(end2022.get("total").asLong()).isEqualTo(2);
        assertThat(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/carriers/summary?year=99")
                .status()).isEqualTo(400);

        JsonNode posts = list(token, tree.committee(), "?kind=VANGUARD_POST&size=1");
        assertThat(posts.get("total").asLong()).isEqualTo(2);
        assertThat(posts.get("items").size()).isEqualTo(1);
        assertThat(list(token, tree.committee(), "?year=2023").get("total").asLong()).isEqualTo(4);
        assertThat(list(token, tree.committee(), "?status=RETIRED").get("items").get(0).get("id").asString())
                .isEqualTo(zone);
        assertThat(list(token, tree.general(), "").get("total").asLong()).isEqualTo(3);
        assertThat(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/carriers?kind=STAR").status())
                .isEqualTo(400);
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyRegistersOnce() {
        Tree tree = tree();
        String token = admin(tree.committee());
        Map<String, Object> body = carrier("COMMANDO_TEAM", tree.branch2(), "党员突击队", 2023, List.of());
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = http().as(token).header("Idempotency-Key", key).post("/api/v1/carriers", body);
        TestHttp.Response retry = http().as(token).header("Idempotency-Key", key).post("/api/v1/carriers", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(stored(tree.branch2())).isEqualTo(1);
    }

    private JsonNode summary(String token, String orgId, String query) {
        TestHttp.Response response = http().as(token).get("/api/v1/organizations/" + orgId + "/carriers/summary" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private JsonNode list(String token, String orgId, String query) {
        TestHttp.Response response = http().as(token).get("/api/v1/organizations/" + orgId + "/carriers" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }
}
