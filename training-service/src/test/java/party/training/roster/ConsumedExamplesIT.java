package party.training.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import party.training.it.IntegrationTest;
import party.training.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract examples of what the service consumes change what they should; older or replayed ones change nothing. */
class ConsumedExamplesIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Test
    void theRosterFollowsMemberEventsByVersion() {
        String memberId = "3f9d2c1e-8b4a-4c6e-9f1d-2a7b5e0c4d18";
        publish("party.member", "party.member.registered.v1", memberId, TestContracts.example("party.member.registered.v1"));
        publish("party.member", "party.member.status-changed.v1", memberId, TestContracts.example("party.member.status-changed.v1"));
        publish("party.member", "party.member.transferred.v1", memberId, TestContracts.example("party.member.transferred.v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(memberId, RosterMember.class) instanceof RosterMember m
                && m.version() == 4);
        // The registration again (version 0): older than what is held.
        publish("party.member", "party.member.registered.v1", memberId, TestContracts.example("party.member.registered.v1"));
        String marker = registeredMember("org-branch-marker");
        assertThat(mongo.findById(marker, RosterMember.class)).isNotNull();
        RosterMember member = mongo.findById(memberId, RosterMember.class);
        assertThat(member.orgId()).isEqualTo("org-branch-washery-2");
        assertThat(member.status()).isEqualTo("FULL");
        assertThat(member.active()).isTrue();
    }

    @Test
    void theMeetingHeldExampleCreditsItsAttendeesOnce() {
        String example = TestContracts.example("party.organization.meeting-held.v1");
        String present = "a1c9e7d5-2b4f-4c6a-8e0d-3f5b7a9c1e42";
        String absent = "c7e5a3f1-8d6b-4a2c-9e4f-1b3d5f7a9c63";
        publish("party.organization", "party.organization.meeting-held.v1", "5b7e0f3c-9d2a-4f61-8c3e-1a2b3c4d5e6f", example);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.total(present, 2026) == 200);
        publish("party.organization", "party.organization.meeting-held.v1", "5b7e0f3c-9d2a-4f61-8c3e-1a2b3c4d5e6f", example);
        String marker = registeredMember("org-branch-marker-2");
        publish("party.organization", "party.organization.meeting-held.v1", "m-" + marker, example
                .replace("5b7e0f3c-9d2a-4f61-8c3e-1a2b3c4d5e6f", "m-" + marker).replace(present, marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.total(marker, 2026) == 200);
        assertThat(ledger.total(present, 2026)).isEqualTo(200);
        assertThat(ledger.total(absent, 2026)).isZero();
    }

    @Test
    void malformedEventsAreParkedInTheDltForTheirConsumer() {
        party.platform.test.TestEvents events = new party.platform.test.TestEvents(brokers);
        String org = "org-" + java.util.UUID.randomUUID();
        String leadership = publishRaw("party.organization", "party.organization.leadership-changed.v1", org,
                "{\"orgId\":\"" + org + "\",\"roles\":[]}");
        var parked = events.await("party.organization.dlt", r -> leadership.equals(party.platform.test.TestEvents.header(r, "ce_id"))
                && "training-service-leadership".equals(party.platform.test.TestEvents.header(r, "kafka_dlt-original-consumer-group")),
                Duration.ofSeconds(30));
        assertThat(parked).isNotNull();
        String member = publishRaw("party.member", "party.member.registered.v1", "x", "{\"memberId\":\"x\"}");
        var parkedMember = events.await("party.member.dlt", r -> member.equals(party.platform.test.TestEvents.header(r, "ce_id")),
                Duration.ofSeconds(30));
        assertThat(party.platform.test.TestEvents.header(parkedMember, "kafka_dlt-original-consumer-group"))
                .isEqualTo("training-service-roster");
        assertThat(mongo.findById("x", RosterMember.class)).isNull();
    }
}
