package party.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import party.platform.events.CloudEvents;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;

/**
 * A consuming service keeps its org-tree projection from organization events: it reads the
 * contract's example, ignores stale versions and duplicates, and parks malformed events in the DLT.
 */
class OrgTreeProjectionIT extends party.training.it.IntegrationTest {

    @Autowired
    OrgTree tree;

    @Test
    void theProjectionFollowsOrganizationEventsAndIgnoresStaleOnes() {
        TestEvents events = new TestEvents(brokers);
        String example = TestContracts.example("party.organization.created.v1");
        String id = "7d0c2b9e-3f4a-4c1e-9a55-2b8f6e0d1a01";
        events.send("party.organization", "party.organization.created.v1", id, example);
        await().atMost(Duration.ofSeconds(15)).until(() -> tree.find(id).isPresent());
        OrgNode node = tree.find(id).orElseThrow();
        assertThat(node.type()).isEqualTo("BRANCH");
        assertThat(node.ancestors()).containsExactly("0f9a6c1d-8e2b-4d7a-b3c4-5e6f7a8b9c00");
        assertThat(node.active()).isTrue();

        events.send("party.organization", "party.organization.dissolved.v1", id,
                TestContracts.example("party.organization.dissolved.v1"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !tree.find(id).orElseThrow().active());

        // The creation delivered again, under a new event id: older than what is held, so nothing changes.
        events.send("party.organization", "party.organization.created.v1", id, example);
        String marker = UUID.randomUUID().toString();
        events.send("party.organization", "party.organization.created.v1", marker,
                example.replace(id, marker).replace("DEMO-B01", "DEMO-" + marker));
        await().atMost(Duration.ofSeconds(15)).until(() -> tree.find(marker).isPresent());
        assertThat(tree.find(id).orElseThrow().status()).isEqualTo(OrgNode.DISSOLVED);
        assertThat(tree.find(id).orElseThrow().version()).isEqualTo(3);
        assertThat(tree.subtreeIds("0f9a6c1d-8e2b-4d7a-b3c4-5e6f7a8b9c00")).contains(id, marker);
    }

    @Test
    void anOrganizationEventWithoutVersionIsParkedInTheDlt() {
        TestEvents events = new TestEvents(brokers);
        String id = UUID.randomUUID().toString();
        String eventId = events.send("party.organization", "party.organization.created.v1", id,
                "{\"id\":\"" + id + "\",\"type\":\"BRANCH\",\"name\":\"无版本\"}");
        var parked = events.await("party.organization.dlt", r -> eventId.equals(TestEvents.header(r, CloudEvents.ID)),
                Duration.ofSeconds(15));
        assertThat(TestEvents.header(parked, "kafka_dlt-original-consumer-group")).startsWith("training-service");
        assertThat(tree.find(id)).isEmpty();
    }

    @Test
    void otherEventsOnTheTopicAreNotTakenForOrganizations() {
        TestEvents events = new TestEvents(brokers);
        String meeting = UUID.randomUUID().toString();
        events.send("party.organization", "party.organization.meeting-held.v1", meeting,
                "{\"id\":\"" + meeting + "\",\"type\":\"PARTY_LECTURE\",\"name\":\"党课\",\"version\":0}");
        String marker = UUID.randomUUID().toString();
        events.send("party.organization", "party.organization.created.v1", marker,
                TestContracts.example("party.organization.created.v1").replace("7d0c2b9e-3f4a-4c1e-9a55-2b8f6e0d1a01", marker)
                        .replace("DEMO-B01", "DEMO-" + marker));
        await().atMost(Duration.ofSeconds(15)).until(() -> tree.find(marker).isPresent());
        assertThat(tree.find(meeting)).isEmpty();
    }

    @Test
    void healthIsUpWithTheMongoPingCheck() {
        TestHttp.Response health = TestHttp.at("http://localhost:" + port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(TestHttp.at("http://localhost:" + port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
