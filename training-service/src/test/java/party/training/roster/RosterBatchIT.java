package party.training.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.platform.test.TestEvents;
import party.training.it.IntegrationTest;

/**
 * The roster consumes party.member a poll's batch at a time: a poison record among good ones goes
 * to the DLT alone (the records before and after it are applied), several events of one member
 * in a batch end at the newest, and a replay of the whole history changes nothing.
 */
class RosterBatchIT extends IntegrationTest {

    @Test
    void aPoisonRecordInABatchIsParkedAndTheOthersAreApplied() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        // All keyed by the first member: one partition, so one batch in this order.
        publish("party.member", "party.member.registered.v1", first, registered(first, "org-batch-a"));
        String poison = publishRaw("party.member", "party.member.registered.v1", first, "{\"memberId\":\"" + second + "\"}");
        publish("party.member", "party.member.transferred.v1", first, transferred(first, "org-batch-a", "org-batch-b", 1));
        publish("party.member", "party.member.registered.v1", first, registered(second, "org-batch-c"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(first, RosterMember.class) instanceof RosterMember m
                && m.version() == 1 && mongo.findById(second, RosterMember.class) != null);
        RosterMember moved = mongo.findById(first, RosterMember.class);
        assertThat(moved.orgId()).isEqualTo("org-batch-b");
        assertThat(moved.status()).isEqualTo("FULL");
        assertThat(mongo.findById(second, RosterMember.class).orgId()).isEqualTo("org-batch-c");
        var parked = new TestEvents(brokers).await("party.member.dlt",
                r -> poison.equals(TestEvents.header(r, "ce_id")), Duration.ofSeconds(30));
        assertThat(TestEvents.header(parked, "kafka_dlt-original-consumer-group")).isEqualTo("training-service-roster");
    }

    @Test
    void aReplayedHistoryChangesNothing() {
        String memberId = UUID.randomUUID().toString();
        publish("party.member", "party.member.registered.v1", memberId, registered(memberId, "org-replay-a"));
        publish("party.member", "party.member.transferred.v1", memberId, transferred(memberId, "org-replay-a", "org-replay-b", 1));
        publish("party.member", "party.member.status-changed.v1", memberId, Map.of("memberId", memberId,
                "orgId", "org-replay-b", "from", "FULL", "to", "DECEASED", "effectiveDate", "2025-01-02", "at", "2025-01-03T02:15:30.123Z", "version", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(memberId, RosterMember.class) instanceof RosterMember m
                && m.version() == 2);

        // The same history again, as after a rewind of the consumer.
        publish("party.member", "party.member.registered.v1", memberId, registered(memberId, "org-replay-a"));
        publish("party.member", "party.member.transferred.v1", memberId, transferred(memberId, "org-replay-a", "org-replay-b", 1));
        String marker = UUID.randomUUID().toString();
        publish("party.member", "party.member.registered.v1", memberId, registered(marker, "org-replay-c"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(marker, RosterMember.class) != null);

        RosterMember member = mongo.findById(memberId, RosterMember.class);
        assertThat(member.version()).isEqualTo(2);
        assertThat(member.orgId()).isEqualTo("org-replay-b");
        assertThat(member.status()).isEqualTo("DECEASED");
        assertThat(member.active()).isFalse();
    }

    private static Map<String, Object> registered(String memberId, String orgId) {
        return Map.of("memberId", memberId, "orgId", orgId, "status", "FULL", "registeredAt", "2024-03-18T02:15:30.123Z",
                "version", 0);
    }

    private static Map<String, Object> transferred(String memberId, String from, String to, long version) {
        return Map.of("transferId", UUID.randomUUID().toString(), "memberId", memberId, "fromOrgId", from, "orgId", to,
                "status", "FULL", "scope", "WITHIN_COMMITTEE", "acceptedOn", "2024-08-12", "version", version);
    }
}
