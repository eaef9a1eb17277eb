package party.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import party.platform.test.TestJwt;
import party.platform.test.TestMongo;
import tools.jackson.databind.JsonNode;

/**
 * organization-service against a real Kafka broker and MongoDB, called over real HTTP with signed
 * tokens: the tree, its rules, member counts kept from member events, and the event-handling faults.
 */
/** The tree, its rules, member counts kept from member events, and the event-handling faults. */
class OrganizationServiceIT extends IntegrationTest {

    @Test
    void theTreeKeepsAncestorsAndAnnouncesEveryOrganization() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第一党小组", "P-" + UUID.randomUUID().toString().substring(0, 8), tree.branch1());

        JsonNode read = http().as(token).get("/api/v1/organizations/" + group).json();
        assertThat(read.get("ancestors").valueStream().map(JsonNode::asString))
                .containsExactly(tree.committee(), tree.general(), tree.branch1());
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");

        var record = events().await("party.organization", r -> group.equals(r.key()), Duration.ofSeconds(15));
        assertThat(TestEvents.header(record, CloudEvents.TYPE)).isEqualTo("party.organization.created.v1");
        assertThat(TestEvents.header(record, CloudEvents.SOURCE)).isEqualTo("/organization-service");
        assertThat(TestEvents.header(record, CloudEvents.SUBJECT)).isEqualTo(group);
        assertThat(TestContracts.violations("party.organization.created.v1", record.value())).isEmpty();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        long before = mongo.getCollection("organizations").countDocuments();

        TestHttp.Response misplaced = http().as(token).post("/api/v1/organizations",
                Map.of("type", "GROUP", "name", "错放的小组", "code", "X-" + UUID.randomUUID(), "parentId", tree.committee()));
        assertThat(misplaced.status()).isEqualTo(422);
        assertThat(misplaced.json().get("type").asString()).isEqualTo("urn:party-building:problem:invalid-placement");

        TestHttp.Response duplicate = http().as(token).post("/api/v1/organizations",
                Map.of("type", "BRANCH", "name", "重复代码", "code", http().as(token)
                        .get("/api/v1/organizations/" + tree.branch2()).json().get("code").asString(), "parentId", tree.committee()));
        assertThat(duplicate.status()).isEqualTo(409);

        TestHttp.Response malformed = http().as(token).post("/api/v1/organizations", "{\"type\": \"BRANCH\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:party-building:problem:malformed-request");

        TestHttp.Response missing = http().as(token).header("Accept-Language", "en").post("/api/v1/organizations", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("title").asString()).isEqualTo("The request has invalid fields");
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("type", "name", "code");

        TestHttp.Response zh = http().as(token).header("Accept-Language", "zh-CN").post("/api/v1/organizations", Map.of());
        assertThat(zh.json().get("title").asString()).isEqualTo("请求中有字段不合规");

        assertThat(mongo.getCollection("organizations").countDocuments()).isEqualTo(before);
    }

    @Test
    void memberEventsMoveTheCountsOfTheBranchAndEveryAncestorExactlyOnce() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String m1 = UUID.randomUUID().toString();
        String m2 = UUID.randomUUID().toString();
        String m3 = UUID.randomUUID().toString();
        String first = events().send("party.member", REGISTERED, m1, registered(m1, tree.branch1(), "FULL", 0));
        events().send("party.member", REGISTERED, m2, registered(m2, tree.branch1(), "FULL", 0));
        events().send("party.member", REGISTERED, m3, registered(m3, tree.branch2(), "PROBATIONARY", 0));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.committee()).get("subtree").get("total").asLong()).isEqualTo(3));
        JsonNode committee = counts(token, tree.committee());
        assertThat(committee.get("subtree").get("full").asLong()).isEqualTo(2);
        assertThat(committee.get("subtree").get("probationary").asLong()).isEqualTo(1);
        assertThat(committee.get("direct").get("total").asLong()).isZero();
        assertThat(counts(token, tree.general()).get("subtree").get("total").asLong()).isEqualTo(2);
        assertThat(counts(token, tree.branch1()).get("direct").get("full").asLong()).isEqualTo(2);
        assertThat(counts(token, tree.branch2()).get("direct").get("probationary").asLong()).isEqualTo(1);

        // The same event again (same ce_id), and the same change under a new id: nothing moves.
        events().send("party.member", REGISTERED, m1, registered(m1, tree.branch1(), "FULL", 0), first);
        events().send("party.member", REGISTERED, m1, registered(m1, tree.branch1(), "FULL", 0));
        String m4 = UUID.randomUUID().toString();
        events().send("party.member", REGISTERED, m4, registered(m4, tree.branch2(), "FULL", 0));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch2()).get("direct").get("total").asLong()).isEqualTo(2));
        assertThat(counts(token, tree.committee()).get("subtree").get("total").asLong()).isEqualTo(4);
        assertThat(counts(token, tree.branch1()).get("direct").get("full").asLong()).isEqualTo(2);
    }

    @Test
    void theMemberRegisteredContractExampleIsCounted() {
        Tree tree = tree();
        String example = TestContracts.example(REGISTERED);
        String exampleOrg = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).get("orgId").asString();
        String member = UUID.randomUUID().toString();
        // The example verbatim, but for ids that place it in this test's own branch.
        String body = example.replace(exampleOrg, tree.branch2()).replaceAll("\"memberId\"\\s*:\\s*\"[^\"]+\"",
                "\"memberId\": \"" + member + "\"");
        events().send("party.member", REGISTERED, member, body);
        String token = admin(tree.committee());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch2()).get("direct").get("total").asLong()).isEqualTo(1));
    }

    @Test
    void aStatusChangeFromTheDevelopmentPipelineMovesTheCounts() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String member = UUID.randomUUID().toString();
        String example = TestContracts.example("party.member.status-changed.v1");
        String exampleOrg = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).get("orgId").asString();
        String exampleMember = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).get("memberId").asString();
        String probationary = example.replace(exampleOrg, tree.branch1()).replace(exampleMember, member);
        // An applicant (version 0) is on no count; the example (version 3) makes them probationary.
        String applicant = "{\"memberId\":\"" + member + "\",\"orgId\":\"" + tree.branch1()
                + "\",\"from\":null,\"to\":\"APPLICANT\",\"effectiveDate\":\"2023-01-05\",\"at\":\"2023-01-05T02:00:00Z\",\"version\":0}";
        events().send("party.member", "party.member.status-changed.v1", member, applicant);
        events().send("party.member", "party.member.status-changed.v1", member, probationary);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch1()).get("direct").get("probationary").asLong()).isEqualTo(1));
        assertThat(counts(token, tree.committee()).get("subtree").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aTransferMovesTheMemberBetweenBranchesAndOutOfTheSystem() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String member = UUID.randomUUID().toString();
        events().send("party.member", REGISTERED, member, registered(member, tree.branch1(), "FULL", 0));
        events().send("party.member", "party.member.transferred.v1", member, "{\"transferId\":\"t-1\",\"memberId\":\""
                + member + "\",\"fromOrgId\":\"" + tree.branch1() + "\",\"orgId\":\"" + tree.branch2()
                + "\",\"status\":\"FULL\",\"scope\":\"WITHIN_COMMITTEE\",\"acceptedOn\":\"2026-01-10\",\"version\":1}");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(counts(token, tree.branch2()).get("direct").get("full").asLong()).isEqualTo(1);
            assertThat(counts(token, tree.branch1()).get("direct").get("full").asLong()).isZero();
        });
        events().send("party.member", "party.member.transferred.v1", member, "{\"transferId\":\"t-2\",\"memberId\":\""
                + member + "\",\"fromOrgId\":\"" + tree.branch2() + "\",\"orgId\":null"
                + ",\"status\":\"TRANSFERRED_OUT\",\"scope\":\"OUT_OF_SYSTEM\",\"acceptedOn\":\"2026-02-10\",\"version\":2}");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.committee()).get("subtree").get("total").asLong()).isZero());
    }

    @Test
    void aPoisonRecordLandsInTheDltAndConsumptionGoesOn() {
        Tree tree = tree();
        String poisonId = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>("party.member", "poison", "this is not json");
        poison.headers().add(CloudEvents.ID, poisonId.getBytes());
        poison.headers().add(CloudEvents.TYPE, REGISTERED.getBytes());
        events().sendRaw(poison);
        String member = UUID.randomUUID().toString();
        events().send("party.member", REGISTERED, member, registered(member, tree.branch2(), "FULL", 0));

        String token = admin(tree.committee());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch2()).get("direct").get("full").asLong()).isEqualTo(1));

        var parked = events().await("party.member.dlt", r -> poisonId.equals(TestEvents.header(r, CloudEvents.ID)),
                Duration.ofSeconds(15));
        assertThat(parked.value()).isEqualTo("this is not json");

        TestHttp.Response listed = http().as(admin(tree.committee())).get("/api/v1/admin/organization-service/dlt");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode letter = listed.json().valueStream().filter(l -> poisonId.equals(l.get("eventId").asString()))
                .findFirst().orElseThrow();
        assertThat(letter.get("originalTopic").asString()).isEqualTo("party.member");
        assertThat(letter.get("exception").asString()).contains("not JSON");

        TestHttp.Response notAdmin = http().as(secretary(tree.branch1())).get("/api/v1/admin/organization-service/dlt");
        assertThat(notAdmin.status()).isEqualTo(403);

        TestHttp.Response replayed = http().as(admin(tree.committee())).post("/api/v1/admin/organization-service/dlt/"
                + letter.get("dltTopic").asString() + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/replay", Map.of());
        assertThat(replayed.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> events().readAll("party.member").stream()
                .filter(r -> poisonId.equals(TestEvents.header(r, CloudEvents.ID))).count() == 2);
    }

    @Test
    void aSecretarySeesOnlyTheirOwnSubtree() {
        Tree tree = tree();
        String own = secretary(tree.branch1());

        assertThat(http().as(own).get("/api/v1/organizations/" + tree.branch1()).status()).isEqualTo(200);
        TestHttp.Response other = http().as(own).get("/api/v1/organizations/" + tree.branch2());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:party-building:problem:not-found");
        assertThat(other.raw()).doesNotContain("掘进二队").doesNotContain("ancestors").doesNotContain(tree.committee());
        assertThat(http().as(own).get("/api/v1/organizations/" + tree.committee()).status()).isEqualTo(404);

        JsonNode visible = http().as(own).get("/api/v1/organizations?size=100").json();
        assertThat(visible.get("items").valueStream().map(o -> o.get("id").asString())).containsExactly(tree.branch1());

        TestHttp.Response create = http().as(own).post("/api/v1/organizations",
                Map.of("type", "GROUP", "name", "小组", "code", "S-" + UUID.randomUUID(), "parentId", tree.branch1()));
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void onlyValidTokensForThisApiAreAccepted() {
        Tree tree = tree();
        String path = "/api/v1/organizations/" + tree.committee();
        TestHttp.Response none = http().get(path);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("type").asString()).isEqualTo("urn:party-building:problem:unauthorized");
        assertThat(none.json().get("title").asString()).isEqualTo("需要登录认证");

        String otherAudience = TestJwt.get().token("admin", List.of("ADMIN"), List.of(tree.committee()), List.of(),
                "another-api", Duration.ofMinutes(5));
        assertThat(http().as(otherAudience).get(path).status()).isEqualTo(401);
        String expired = TestJwt.get().token("admin", List.of("ADMIN"), List.of(tree.committee()), List.of(),
                TestJwt.AUDIENCE, Duration.ofMinutes(-5));
        assertThat(http().as(expired).header("Accept-Language", "en").get(path).json().get("title").asString())
                .isEqualTo("Authentication required");
        assertThat(http().as(admin(tree.committee())).get(path).status()).isEqualTo(200);
    }

    @Test
    void dissolvingNeedsTheCurrentVersionAndAnEmptyOrganization() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String member = UUID.randomUUID().toString();
        events().send("party.member", REGISTERED, member, registered(member, tree.branch2(), "FULL", 0));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(counts(token, tree.branch2()).get("direct").get("total").asLong()).isEqualTo(1));

        String dissolve2 = "/api/v1/organizations/" + tree.branch2() + "/dissolve";
        assertThat(http().as(token).post(dissolve2, Map.of()).status()).isEqualTo(428);
        assertThat(http().as(token).header("If-Match", "\"7\"").post(dissolve2, Map.of()).status()).isEqualTo(412);
        assertThat(http().as(token).header("If-Match", "\"0\"").post(dissolve2, Map.of()).status()).isEqualTo(409);
        assertThat(http().as(token).header("If-Match", "\"0\"")
                .post("/api/v1/organizations/" + tree.general() + "/dissolve", Map.of()).status()).isEqualTo(409);

        TestHttp.Response dissolved = http().as(token).header("If-Match", "\"0\"")
                .post("/api/v1/organizations/" + tree.branch1() + "/dissolve", Map.of());
        assertThat(dissolved.status()).isEqualTo(200);
        assertThat(dissolved.json().get("status").asString()).isEqualTo("DISSOLVED");
        assertThat(dissolved.header("ETag")).isEqualTo("\"1\"");
        var record = events().await("party.organization", r -> tree.branch1().equals(r.key())
                && "party.organization.dissolved.v1".equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
        assertThat(TestContracts.violations("party.organization.dissolved.v1", record.value())).isEmpty();
        assertThat(Set.of("ACTIVE", "DISSOLVED")).contains(http().as(token)
                .get("/api/v1/organizations/" + tree.branch1()).json().get("status").asString());
    }
}
