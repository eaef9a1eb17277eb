package party.training.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;
import party.training.it.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger: Party lectures from organization-service credit their attendees once; leaders have
 * the leaders' target; adjustments; completion and members behind target per subtree.
 */
class LedgerIT extends IntegrationTest {

    String lecture(String branch, List<String> present, String type) {
        ObjectNode body = (ObjectNode) JSON.readTree(TestContracts.example("party.organization.meeting-held.v1"));
        String meetingId = UUID.randomUUID().toString();
        body.put("meetingId", meetingId);
        body.put("orgId", branch);
        body.put("branchId", branch);
        body.put("meetingType", type);
        body.put("heldAt", "2026-03-10T07:00:00Z");
        body.putArray("presentMemberIds").addAll(present.stream().map(JSON.getNodeFactory()::stringNode).toList());
        body.put("expectedCount", present.size() + 1);
        return body.toString();
    }

    JsonNode progress(String memberId) {
        return get("/api/v1/trainings/me/progress?year=2026", member(memberId)).json();
    }

    @Test
    void partyLecturesCreditTheirAttendeesOnceEvenWhenReplayed() {
        Orgs orgs = orgs();
        String a = registeredMember(orgs.branchA());
        String b = registeredMember(orgs.branchA());
        String body = lecture(orgs.branchA(), List.of(a, b), "PARTY_LECTURE");
        String meetingId = JSON.readTree(body).path("meetingId").asString();
        publish("party.organization", "party.organization.meeting-held.v1", meetingId, body);
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(a).path("totalHours").decimalValue().signum() > 0
                && progress(b).path("totalHours").decimalValue().signum() > 0);
        assertThat(progress(a).path("totalHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(progress(a).path("bySource").path("LECTURE").decimalValue()).isEqualByComparingTo("2");

        // The same meeting delivered again (a new event id, as a DLT replay or a second relay would),
        // then a marker: the replay changed nothing.
        publish("party.organization", "party.organization.meeting-held.v1", meetingId, body);
        publish("party.organization", "party.organization.meeting-held.v1", meetingId, body);
        String marker = registeredMember(orgs.branchB());
        String markerBody = lecture(orgs.branchB(), List.of(marker), "PARTY_LECTURE");
        publish("party.organization", "party.organization.meeting-held.v1", JSON.readTree(markerBody).path("meetingId").asString(),
                markerBody);
        // Another meeting type credits nothing.
        String general = lecture(orgs.branchB(), List.of(marker), "BRANCH_GENERAL_MEETING");
        publish("party.organization", "party.organization.meeting-held.v1", JSON.readTree(general).path("meetingId").asString(), general);
        String marker2 = registeredMember(orgs.branchB());
        String marker2Body = lecture(orgs.branchB(), List.of(marker2), "PARTY_LECTURE");
        publish("party.organization", "party.organization.meeting-held.v1", JSON.readTree(marker2Body).path("meetingId").asString(),
                marker2Body);
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(marker2).path("totalHours").decimalValue().signum() > 0);
        assertThat(progress(a).path("totalHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(progress(marker).path("totalHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("memberId").is(a)), CreditEntry.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !published("party.training.credit-recorded.v1", "memberId", a).isEmpty());
        assertThat(published("party.training.credit-recorded.v1", "memberId", a).stream()
                .map(n -> n.path("entryId").asString()).distinct()).hasSize(1);

        // The member's entries, as their branch's secretary sees them; another branch's secretary sees nothing.
        JsonNode entries = get("/api/v1/trainings/members/" + a + "/credits?year=2026", secretary(orgs.branchA())).json();
        assertThat(entries.path("total").asLong()).isEqualTo(1);
        assertThat(entries.path("items").get(0).path("sourceRef").asString()).isEqualTo(meetingId);
        assertThat(get("/api/v1/trainings/members/" + a + "/credits?year=2026", secretary(orgs.branchB())).status()).isEqualTo(404);
        assertThat(get("/api/v1/trainings/members/" + a + "/progress?year=2026", secretary(orgs.branchB())).status()).isEqualTo(404);
    }

    @Test
    void secretariesAndCommitteeMembersHaveTheLeadersTarget() {
        Orgs orgs = orgs();
        String secretary = registeredMember(orgs.branchA());
        String plain = registeredMember(orgs.branchA());
        assertThat(progress(secretary).path("targetHours").decimalValue()).isEqualByComparingTo("32");
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("role", "SECRETARY");
        role.put("memberId", secretary);
        role.put("fullTime", false);
        Map<String, Object> vacancy = new LinkedHashMap<>();
        vacancy.put("role", "DEPUTY_SECRETARY");
        vacancy.put("memberId", null);
        vacancy.put("fullTime", null);
        List<Object> roles = new ArrayList<>(List.of(role, vacancy));
        publish("party.organization", "party.organization.leadership-changed.v1", orgs.branchA(), Map.of("orgId", orgs.branchA(),
                "termId", "t-" + orgs.branchA(), "termNumber", 1, "committee", false, "roles", roles, "version", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(secretary).path("targetHours").decimalValue().intValue() == 56);
        assertThat(progress(secretary).path("leader").asBoolean()).isTrue();
        assertThat(progress(plain).path("targetHours").decimalValue()).isEqualByComparingTo("32");

        // An older leadership event (a stale replay) does not undo the newer one; a newer one without them does.
        publish("party.organization", "party.organization.leadership-changed.v1", orgs.branchA(), Map.of("orgId", orgs.branchA(),
                "termId", "t-" + orgs.branchA(), "termNumber", 1, "committee", false, "roles", List.of(), "version", 2));
        Map<String, Object> plainRole = new LinkedHashMap<>(role);
        plainRole.put("memberId", plain);
        publish("party.organization", "party.organization.leadership-changed.v1", orgs.branchA(), Map.of("orgId", orgs.branchA(),
                "termId", "t-" + orgs.branchA(), "termNumber", 1, "committee", false, "roles", List.of(plainRole), "version", 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(plain).path("targetHours").decimalValue().intValue() == 56);
        assertThat(progress(secretary).path("targetHours").decimalValue()).isEqualByComparingTo("32");
    }

    @Test
    void adjustmentsCompletionAndMembersBehindTarget() {
        Orgs orgs = orgs();
        String done = registeredMember(orgs.branchA());
        String behind = registeredMember(orgs.branchA());
        String other = registeredMember(orgs.branchB());
        // A plan for branch A lowers its target to 10 hours; branch B keeps the configured 32.
        assertThat(post("/api/v1/trainings/plans", staff(orgs), Map.of("orgId", orgs.branchA(), "year", 2026, "title", "A",
                "memberTargetHours", 10, "leaderTargetHours", 20)).status()).isEqualTo(201);

        Response missingReason = post("/api/v1/trainings/credits/adjustments", staff(orgs), Map.of("memberId", done, "year", 2026,
                "hours", 10));
        assertThat(missingReason.status()).isEqualTo(400);
        assertThat(post("/api/v1/trainings/credits/adjustments", secretary(orgs.branchB()), Map.of("memberId", done, "year", 2026,
                "hours", 10, "reason", "补录")).status()).isEqualTo(403);
        assertThat(post("/api/v1/trainings/credits/adjustments", staff(orgs), Map.of("memberId", done, "year", 2026,
                "hours", -1, "reason", "更正")).problem()).isEqualTo("adjustment-below-zero");
        assertThat(progress(done).path("totalHours").decimalValue()).isEqualByComparingTo("0");

        Response adjusted = post("/api/v1/trainings/credits/adjustments", staff(orgs), Map.of("memberId", done, "year", 2026,
                "hours", 10, "reason", "党校学习补录"), "Idempotency-Key", "adj-" + done);
        assertThat(adjusted.status()).isEqualTo(201);
        assertThat(adjusted.json().path("totalHoursAfter").decimalValue()).isEqualByComparingTo("10");
        assertThat(adjusted.json().path("targetHours").decimalValue()).isEqualByComparingTo("10");
        Response replayed = post("/api/v1/trainings/credits/adjustments", staff(orgs), Map.of("memberId", done, "year", 2026,
                "hours", 10, "reason", "党校学习补录"), "Idempotency-Key", "adj-" + done);
        assertThat(replayed.json().path("id").asString()).isEqualTo(adjusted.json().path("id").asString());
        JsonNode event = awaitEvent("party.training.credit-recorded.v1", adjusted.json().path("id").asString());
        assertThat(event.path("source").asString()).isEqualTo("ADJUSTMENT");
        assertThat(post("/api/v1/trainings/credits/adjustments", secretary(orgs.branchA()), Map.of("memberId", behind, "year", 2026,
                "hours", "3.5", "reason", "补录")).status()).isEqualTo(201);

        JsonNode completion = get("/api/v1/trainings/completion?year=2026&orgId=" + orgs.general(), staff(orgs)).json();
        assertThat(completion.path("members").asLong()).isEqualTo(3);
        assertThat(completion.path("completed").asLong()).isEqualTo(1);
        assertThat(completion.path("completionRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(completion.path("branches")).hasSize(2);
        JsonNode behindPage = get("/api/v1/trainings/completion/behind?year=2026&orgId=" + orgs.general(), staff(orgs)).json();
        assertThat(ids(behindPage.path("items"), "memberId")).containsExactly(other, behind);
        assertThat(behindPage.path("items").get(1).path("remainingHours").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(get("/api/v1/trainings/completion?year=2026&orgId=" + orgs.branchA(), secretary(orgs.branchB())).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/trainings/completion?year=99999&orgId=" + orgs.branchA(), staff(orgs)).problem()).isEqualTo("invalid-year");
    }
}
