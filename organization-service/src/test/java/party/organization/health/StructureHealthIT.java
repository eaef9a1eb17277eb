package party.organization.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/** The structure-health flags over a subtree, from member events and leadership. */
class StructureHealthIT extends IntegrationTest {

    private void members(String branch, int full) {
        for (int i = 0; i < full; i++) {
            String member = UUID.randomUUID().toString();
            events().send("party.member", REGISTERED, member, registered(member, branch, "FULL", 0));
        }
    }

    private static Map<String, Object> secretaryOnly(String startDate) {
        return Map.of("startDate", startDate, "holders", List.of(Map.of("role", "SECRETARY", "name", "王书记", "fullTime", true)));
    }

    private JsonNode finding(JsonNode report, String orgId) {
        return report.get("findings").valueStream().filter(f -> f.get("orgId").asString().equals(orgId)).findFirst()
                .orElse(null);
    }

    @Test
    void branchesAreFlaggedByTheRegulations() {
        Tree tree = tree();
        String token = admin(tree.committee());
        members(tree.branch1(), 2);
        members(tree.branch2(), 8);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(counts(token, tree.committee()).get("subtree").get("full").asLong()).isEqualTo(10));
        TestHttp.Response term = http().as(token).post("/api/v1/organizations/" + tree.branch2() + "/terms",
                secretaryOnly("2019-03-01"));
        assertThat(term.status()).as(term.raw()).isEqualTo(201);

        JsonNode report = http().as(token).get("/api/v1/organizations/" + tree.committee() + "/structure-health").json();
        assertThat(report.get("organizationsChecked").asInt()).isEqualTo(4);
        assertThat(finding(report, tree.branch1()).get("flags").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("FEW_FULL_MEMBERS", "NO_SECRETARY");
        assertThat(finding(report, tree.branch2()).get("flags").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("NEEDS_COMMITTEE", "TERM_EXPIRED");
        assertThat(finding(report, tree.branch2()).get("fullMembers").asLong()).isEqualTo(8);
        assertThat(finding(report, tree.committee())).isNull();
        assertThat(report.get("totals").get("NO_SECRETARY").asInt()).isEqualTo(1);

        JsonNode own = http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.branch1()
                + "/structure-health").json();
        assertThat(own.get("findings")).hasSize(1);
        assertThat(http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.committee()
                + "/structure-health").status()).isEqualTo(404);
    }
}
