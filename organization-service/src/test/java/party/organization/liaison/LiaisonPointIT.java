package party.organization.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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

/** Liaison points over real HTTP, MongoDB and Kafka: rules, scope, concurrency and events. */
class LiaisonPointIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private Map<String, Object> link(String leaderId, String orgId, LocalDate since) {
        return Map.of("leaderId", leaderId, "leaderName", "王建国", "orgId", orgId, "since", since.toString());
    }

    private ConsumerRecord<String, String> event(String type, String key) {
        return events().await("party.organization",
                r -> key.equals(r.key()) && type.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
    }

    private long stored(String orgId) {
        return mongo.getCollection("liaison_points").countDocuments(new Document("orgId", orgId));
    }

    @Test
    void aLeaderIsLinkedToABranchOnceAtATimeAndTheLinkEndsWithTheCurrentVersion() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String leader = "leader-" + UUID.randomUUID();

        TestHttp.Response created = http().as(token).post("/api/v1/liaison-points",
                link(leader, tree.branch1(), LocalDate.of(2023, 3, 1)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/liaison-points/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("orgName").asString()).isEqualTo("综采一队党支部");
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
        ConsumerRecord<String, String> established = event(LiaisonPoint.ESTABLISHED, id);
        assertThat(TestContracts.violations(LiaisonPoint.ESTABLISHED, established.value())).isEmpty();
        assertThat(established.value()).doesNotContain("王建国").contains(leader);

        TestHttp.Response again = http().as(token).post("/api/v1/liaison-points", link(leader, tree.branch1(), TODAY));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:party-building:problem:liaison-point-exists");
        assertThat(stored(tree.branch1())).isEqualTo(1);

        String end = "/api/v1/liaison-points/" + id + "/end";
        assertThat(http().as(token).post(end, Map.of()).status()).isEqualTo(428);
        assertThat(http().as(token).header("If-Match", "\"3\"").post(end, Map.of()).status()).isEqualTo(412);
        TestHttp.Response early = http().as(token).header("If-Match", "\"0\"").post(end, Map.of("until", "2023-02-01"));
        assertThat(early.json().get("type").asString()).isEqualTo("urn:party-building:problem:liaison-end-before-start");
        TestHttp.Response ended = http().as(token).header("If-Match", "\"0\"").post(end, Map.of("until", "2023-12-31"));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.header("ETag")).isEqualTo("\"1\"");
        assertThat(ended.json().get("until").asString()).isEqualTo("2023-12-31");
        assertThat(ended.json().get("status").asString()).isEqualTo("ENDED");
        assertThat(TestContracts.violations(LiaisonPoint.ENDED, event(LiaisonPoint.ENDED, id).value())).isEmpty();
        assertThat(http().as(token).header("If-Match", "\"1\"").post(end, Map.of()).status()).isEqualTo(409);

        // Once ended, the same leader can be linked to the branch again.
        assertThat(http().as(token).post("/api/v1/liaison-points", link(leader, tree.branch1(), TODAY)).status())
                .isEqualTo(201);
        assertThat(http().as(token).get("/api/v1/liaison-points/" + id).json().get("status").asString())
                .isEqualTo("ENDED");
    }

    @Test
    void concurrentLinksOfOneLeaderToOneBranchLeaveExactlyOne() throws Exception {
        Tree tree = tree();
        String token = admin(tree.committee());
        Map<String, Object> body = link("leader-" + UUID.randomUUID(), tree.branch2(), TODAY);
        List<java.util.concurrent.Callable<Integer>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> http().as(token).post("/api/v1/liaison-points", body).status());
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        }
        assertThat(stored(tree.branch2())).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String leader = "leader-" + UUID.randomUUID();

        TestHttp.Response missing = http().as(token).header("Accept-Language", "en").post("/api/v1/liaison-points", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("leaderId", "leaderName", "orgId", "since");

        TestHttp.Response future = http().as(token).header("Accept-Language", "en")
                .post("/api/v1/liaison-points", link(leader, tree.branch1(), TODAY.plusDays(1)));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("type").asString()).isEqualTo("urn:party-building:problem:liaison-date-in-future");
        assertThat(future.json().get("title").asString()).isEqualTo("The date lies in the future");

        TestHttp.Response general = http().as(token).post("/api/v1/liaison-points", link(leader, tree.general(), TODAY));
        assertThat(general.status()).isEqualTo(422);
        assertThat(general.json().get("type").asString()).isEqualTo("urn:party-building:problem:liaison-branch-required");
        assertThat(general.json().get("title").asString()).isEqualTo("此处只能指定党支部");

        TestHttp.Response unknown = http().as(token).post("/api/v1/liaison-points", link(leader, "no-such-org", TODAY));
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:party-building:problem:liaison-branch-unknown");

        TestHttp.Response bySecretary = http().as(secretary(tree.branch1()))
                .post("/api/v1/liaison-points", link(leader, tree.branch1(), TODAY));
        assertThat(bySecretary.status()).isEqualTo(403);

        Tree other = tree();
        TestHttp.Response outside = http().as(admin(other.committee()))
                .post("/api/v1/liaison-points", link(leader, tree.branch1(), TODAY));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("type").asString()).isEqualTo("urn:party-building:problem:out-of-scope");

        for (String org : List.of(tree.committee(), tree.general(), tree.branch1(), tree.branch2())) {
            assertThat(stored(org)).isZero();
        }
    }

    @Test
    void linksAreListedByLeaderAndBySubtreeWithinTheCallersScope() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String lead = "leader-" + UUID.randomUUID();
        String other = "leader-" + UUID.randomUUID();
        String atBranch1 = http().as(token).post("/api/v1/liaison-points", link(lead, tree.branch1(), TODAY))
                .json().get("id").asString();
        String atBranch2 = http().as(token).post("/api/v1/liaison-points", link(lead, tree.branch2(), TODAY))
                .json().get("id").asString();
        http().as(token).post("/api/v1/liaison-points", link(other, tree.branch2(), TODAY));

        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/liaison-points")))
                .hasSize(3);
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.general() + "/liaison-points")))
                .containsExactly(atBranch1);
        assertThat(ids(http().as(token).get("/api/v1/organizations/" + tree.committee() + "/liaison-points?leaderId=" + lead)))
                .containsExactlyInAnyOrder(atBranch1, atBranch2);
        assertThat(ids(http().as(token).get("/api/v1/liaison-points?leaderId=" + lead)))
                .containsExactlyInAnyOrder(atBranch1, atBranch2);
        assertThat(ids(http().as(token).get("/api/v1/liaison-points?leaderId=" + lead + "&status=ENDED"))).isEmpty();
        JsonNode paged = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/liaison-points?size=2").json();
        assertThat(paged.get("total").asLong()).isEqualTo(3);
        assertThat(paged.get("items").size()).isEqualTo(2);

        String own = secretary(tree.branch1());
        assertThat(ids(http().as(own).get("/api/v1/liaison-points?leaderId=" + lead))).containsExactly(atBranch1);
        assertThat(http().as(own).get("/api/v1/liaison-points/" + atBranch1).status()).isEqualTo(200);
        TestHttp.Response hidden = http().as(own).get("/api/v1/liaison-points/" + atBranch2);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.raw()).doesNotContain(lead).doesNotContain(tree.branch2());
        assertThat(http().as(own).get("/api/v1/organizations/" + tree.branch2() + "/liaison-points").status())
                .isEqualTo(404);
        assertThat(http().as(own).header("If-Match", "\"0\"").post("/api/v1/liaison-points/" + atBranch1 + "/end",
                Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aRetriedCreationWithTheSameKeyLinksOnce() {
        Tree tree = tree();
        String token = admin(tree.committee());
        Map<String, Object> body = link("leader-" + UUID.randomUUID(), tree.branch2(), TODAY);
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = http().as(token).header("Idempotency-Key", key).post("/api/v1/liaison-points", body);
        TestHttp.Response retry = http().as(token).header("Idempotency-Key", key).post("/api/v1/liaison-points", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(stored(tree.branch2())).isEqualTo(1);
    }

    private static List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
