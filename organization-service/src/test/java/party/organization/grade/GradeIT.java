package party.organization.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** assessment-service's grade-determined events become each organization's current grade. */
class GradeIT extends IntegrationTest {

    private static final String TOPIC = "party.assessment";
    private static final String GRADE_DETERMINED = "party.assessment.grade-determined.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The contract example, placed on this test's branch with the given year, grade and version. */
    private static String gradeDetermined(String orgId, int year, String grade, long version) {
        ObjectNode body = (ObjectNode) JSON.readTree(TestContracts.example(GRADE_DETERMINED));
        body.put("evaluationId", orgId + "|" + year);
        body.put("orgId", orgId);
        body.put("year", year);
        body.put("grade", grade);
        body.put("version", version);
        String json = JSON.writeValueAsString(body);
        assertThat(TestContracts.violations(GRADE_DETERMINED, json)).isEmpty();
        return json;
    }

    private String send(String orgId, int year, String grade, long version) {
        return events().send(TOPIC, GRADE_DETERMINED, orgId + "|" + year, gradeDetermined(orgId, year, grade, version));
    }

    private JsonNode organization(String token, String id) {
        TestHttp.Response response = http().as(token).get("/api/v1/organizations/" + id);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private JsonNode grade(String token, String id) {
        return organization(token, id).get("grade");
    }

    private boolean handled(String eventId) {
        return mongo.getCollection("inbox").find(new org.bson.Document("_id", "current-grade|" + eventId)).first() != null;
    }

    @Test
    void theDeterminedGradeShowsOnTheOrganizationItsListsAndChildren() {
        Tree tree = tree();
        String token = admin(tree.committee());
        // Before any determination the grade is there, as null.
        JsonNode before = organization(token, tree.branch1());
        assertThat(before.has("grade")).isTrue();
        assertThat(before.get("grade").isNull()).isTrue();

        Instant sent = Instant.now().minusSeconds(1);
        send(tree.branch1(), 2025, "FAIRLY_GOOD", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(grade(token, tree.branch1()).isNull()).isFalse());
        JsonNode grade = grade(token, tree.branch1());
        assertThat(grade.get("year").asInt()).isEqualTo(2025);
        assertThat(grade.get("grade").asString()).isEqualTo("FAIRLY_GOOD");
        assertThat(Instant.parse(grade.get("determinedAt").asString())).isAfter(sent);

        JsonNode children = http().as(token).get("/api/v1/organizations/" + tree.general() + "/children").json();
        JsonNode child = children.get("items").get(0);
        assertThat(child.get("id").asString()).isEqualTo(tree.branch1());
        assertThat(child.get("grade").get("grade").asString()).isEqualTo("FAIRLY_GOOD");

        JsonNode subtree = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/subtree").json();
        subtree.get("items").valueStream().forEach(org -> {
            if (org.get("id").asString().equals(tree.branch1())) {
                assertThat(org.get("grade").get("year").asInt()).isEqualTo(2025);
            } else {
                assertThat(org.get("grade").isNull()).as(org.get("id").asString()).isTrue();
            }
        });

        // A secretary of another branch does not see this one, grade or not.
        assertThat(http().as(secretary(tree.branch2())).get("/api/v1/organizations/" + tree.branch1()).status())
                .isEqualTo(404);
    }

    @Test
    void aReplayAndAnOlderYearChangeNothingAndARedeterminationOfTheSameYearReplaces() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String first = send(tree.branch2(), 2025, "GOOD", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(grade(token, tree.branch2()).isNull()).isFalse());
        String determinedAt = grade(token, tree.branch2()).get("determinedAt").asString();

        // The same event again (same ce_id, but a different body to prove the inbox stops it), the
        // same change under a new id, and last year's grade with a higher version: none changes the grade.
        events().send(TOPIC, GRADE_DETERMINED, tree.branch2() + "|2025", gradeDetermined(tree.branch2(), 2025, "POOR", 9),
                first);
        String again = send(tree.branch2(), 2025, "GOOD", 1);
        String lastYear = send(tree.branch2(), 2024, "POOR", 5);
        // Both new ids handled: all three were consumed (the replay has the key of `again` and came before it).
        await().atMost(Duration.ofSeconds(15)).until(() -> handled(again) && handled(lastYear));
        JsonNode held = grade(token, tree.branch2());
        assertThat(held.get("year").asInt()).isEqualTo(2025);
        assertThat(held.get("grade").asString()).isEqualTo("GOOD");
        assertThat(held.get("determinedAt").asString()).isEqualTo(determinedAt);

        // A later determination of the same year (higher version) replaces; a newer year replaces.
        send(tree.branch2(), 2025, "FAIRLY_GOOD", 2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(grade(token, tree.branch2()).get("grade").asString()).isEqualTo("FAIRLY_GOOD"));
        send(tree.branch2(), 2026, "AVERAGE", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(grade(token, tree.branch2()).get("year").asInt()).isEqualTo(2026));
        assertThat(grade(token, tree.branch2()).get("grade").asString()).isEqualTo("AVERAGE");
        assertThat(mongo.findById(tree.branch2(), CurrentGrade.class).evaluationId()).isEqualTo(tree.branch2() + "|2026");
    }

    @Test
    void aMalformedGradeEventLandsInTheDltAndChangesNothing() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String notJson = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>(TOPIC, "poison", "this is not json");
        poison.headers().add(CloudEvents.ID, notJson.getBytes());
        poison.headers().add(CloudEvents.TYPE, GRADE_DETERMINED.getBytes());
        events().sendRaw(poison);
        // Well-formed JSON that breaks the contract: a grade no rule knows.
        String unknownGrade = events().send(TOPIC, GRADE_DETERMINED, tree.branch1() + "|2025",
                gradeDetermined(tree.branch1(), 2025, "GOOD", 1).replace("\"grade\":\"GOOD\"", "\"grade\":\"EXCELLENT\""));
        send(tree.branch2(), 2025, "POOR", 1);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(grade(token, tree.branch2()).isNull()).isFalse());
        var parked = events().await("party.assessment.dlt", r -> notJson.equals(TestEvents.header(r, CloudEvents.ID)),
                Duration.ofSeconds(15));
        assertThat(parked.value()).isEqualTo("this is not json");
        var contractBreach = events().await("party.assessment.dlt",
                r -> unknownGrade.equals(TestEvents.header(r, CloudEvents.ID)), Duration.ofSeconds(15));
        assertThat(contractBreach.value()).contains("EXCELLENT");
        assertThat(grade(token, tree.branch1()).isNull()).isTrue();
    }
}
