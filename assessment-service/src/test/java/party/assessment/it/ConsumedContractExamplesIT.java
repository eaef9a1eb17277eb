package party.assessment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;

/** The consumers read the examples of contracts/ exactly as published by organization- and member-service. */
class ConsumedContractExamplesIT extends IntegrationTest {

    @Test
    void theExamplesOfEveryConsumedTypeHaveTheirEffect() {
        String member = "3f9d2c1e-8b4a-4c6e-9f1d-2a7b5e0c4d18";
        example("party.member", "party.member.registered.v1", member);
        example("party.member", "party.member.status-changed.v1", member);
        example("party.member", "party.member.transferred.v1", member);
        example("party.member", "party.member.dues-paid.v1", "7c1e4b52-0d6a-4f3e-9a8b-5e2f1c3d4a69");
        example("party.member", "party.member.dues-billed.v1", member + "|2026-02");
        example("party.member", "party.member.development-step-recorded.v1", "3f9d2c1e-8b4a-4c6e-9f1d-2a7b5e0c4d18");
        example("party.member", "party.member.development-quota-set.v1", "org-committee-mining-group");
        String meeting = "5b7e0f3c-9d2a-4f61-8c3e-1a2b3c4d5e6f";
        example("party.organization", "party.organization.meeting-planned.v1", meeting);
        example("party.organization", "party.organization.meeting-held.v1", meeting);
        example("party.organization", "party.organization.meeting-cancelled.v1", meeting);
        example("party.organization", "party.organization.inspection-finding-raised.v1", "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
        example("party.organization", "party.organization.research-problem-found.v1", "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61");

        String branch = "7d0c2b9e-3f4a-4c1e-9a55-2b8f6e0d1a01";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Document roster = mongo.findById(member, Document.class, "roster");
            assertThat(roster).isNotNull();
            assertThat(roster.getString("orgId")).isEqualTo("org-branch-washery-2");
            assertThat(roster.getString("status")).isEqualTo("FULL");
            assertThat(roster.getString("owesFrom")).isEqualTo("2024-06");
            assertThat(mongo.findById(member, Document.class, "dues_months_paid").getList("months", String.class))
                    .containsExactlyInAnyOrder("2026-01", "2026-02", "2026-03");
            assertThat(mongo.findById("org-branch-coal-prep-1|2026-02", Document.class, "dues_billed_months")
                    .getList("bills", String.class)).containsExactly(member + "|45.00");
            Document development = mongo.findById("org-branch-coal-prep-1|2024", Document.class, "development_counters");
            assertThat(development.getList("admitted", String.class)).containsExactly(member + "|2024-06-28");
            assertThat(development.getList("steps", String.class)).containsExactly(member + "#15");
            assertThat(mongo.findById("org-committee-mining-group|2025", Document.class, "development_quotas").get("quota", Number.class)
                    .longValue()).isEqualTo(40);
            Document lecture = mongo.findById(branch + "|PARTY_LECTURE|2026-03", Document.class, "orglife_months");
            assertThat(lecture.getList("held", String.class)).containsExactly(meeting);
            assertThat(lecture.getList("planned", String.class)).containsExactly(meeting);
            assertThat(mongo.findById(branch + "|THEME_PARTY_DAY|2026-03", Document.class, "orglife_months")
                    .getList("cancelled", String.class)).containsExactly(meeting);
            Document finding = mongo.findById("finding-0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", Document.class, "rectification_items");
            assertThat(finding.getString("measure")).isEqualTo("补开支委会并完善会议记录");
            assertThat(finding.getString("deadline")).isEqualTo("2026-04-30");
            Document problem = mongo.findById("problem-9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61", Document.class, "rectification_items");
            assertThat(problem.getString("source")).isEqualTo("FIELD_RESEARCH");
            assertThat(problem.getString("deadline")).isEqualTo("2023-09-30");
        });
    }

    private void example(String topic, String type, String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(TestContracts.example(type), Map.class);
        publish(topic, type, key, body);
    }

}
