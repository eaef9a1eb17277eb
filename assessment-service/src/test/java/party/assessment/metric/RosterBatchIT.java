package party.assessment.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import party.assessment.it.IntegrationTest;

/**
 * The roster's changes of a poll are applied together (one read, one bulk write): a member's
 * events in one burst end at the newest, each as one event at a time would leave it, a replayed
 * older event changes nothing, and a poison record among them goes to the DLT alone.
 */
class RosterBatchIT extends IntegrationTest {

    @Test
    void aMembersHistoryInOneBurstEndsAtItsNewestEventAndAReplayChangesNothing() {
        String member = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        ProducerRecord<String, String> registered = MetricsIT.event("party.member", "party.member.registered.v1", member,
                MetricsIT.body("memberId", member, "orgId", "org-batch-a", "status", "CANDIDATE",
                        "registeredAt", "2023-01-10T02:00:00.000Z", "version", 0));
        // All keyed by the member: one partition, in this order, most likely one poll.
        List<ProducerRecord<String, String>> burst = List.of(
                registered,
                MetricsIT.event("party.member", "party.member.status-changed.v1", member, MetricsIT.body("memberId", member,
                        "orgId", "org-batch-a", "from", "CANDIDATE", "to", "PROBATIONARY", "effectiveDate", "2023-03-15",
                        "at", "2023-03-16T02:00:00.000Z", "version", 1)),
                MetricsIT.event("party.member", "party.member.dues-paid.v1", member, MetricsIT.body("memberId", member,
                        "orgId", "org-batch-a", "months", List.of("not a month"))),
                MetricsIT.event("party.member", "party.member.transferred.v1", member, MetricsIT.body("transferId",
                        UUID.randomUUID().toString(), "memberId", member, "fromOrgId", "org-batch-a", "orgId", "org-batch-b",
                        "status", "PROBATIONARY", "scope", "WITHIN_COMMITTEE", "acceptedOn", "2023-05-02", "version", 2)),
                // The registration again, as after a rewind: older than what is held by now.
                MetricsIT.event("party.member", "party.member.registered.v1", member, MetricsIT.body("memberId", member,
                        "orgId", "org-batch-a", "status", "CANDIDATE", "registeredAt", "2023-01-10T02:00:00.000Z", "version", 0)),
                MetricsIT.event("party.member", "party.member.registered.v1", member, MetricsIT.body("memberId", other,
                        "orgId", "org-batch-c", "status", "FULL", "registeredAt", "2023-02-10T02:00:00.000Z", "version", 0)));
        publishAll(burst);

        awaitRoster(List.of(member, other));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.findById(member, RosterEntry.class).version() == 2);
        RosterEntry entry = mongo.findById(member, RosterEntry.class);
        assertThat(entry.orgId()).isEqualTo("org-batch-b");
        assertThat(entry.status()).isEqualTo("PROBATIONARY");
        // Dues are owed from the month of admission (the status change), kept through the transfer.
        assertThat(entry.owesFrom()).isEqualTo("2023-03");
        assertThat(mongo.findById(other, RosterEntry.class).orgId()).isEqualTo("org-batch-c");
        String poison = new String(burst.get(2).headers().lastHeader(party.platform.events.CloudEvents.ID).value(),
                java.nio.charset.StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var letters = get("/api/v1/admin/assessment-service/dlt", admin()).json();
            assertThat(letters.valueStream().filter(l -> poison.equals(l.path("eventId").asString())).toList()).hasSize(1);
        });
    }
}
