package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.member.contracts.ContractFiles;
import party.platform.security.Roles;
import tools.jackson.databind.JsonNode;

/**
 * Consumer side of the organization contracts: the published examples, exactly as they are in
 * contracts/, feed the org-tree projection, and registration follows the branch's state.
 */
class OrganizationEventsConsumerIT extends IntegrationTest {

    @Test
    void theOrganizationExamplesDriveWhereMembersCanBeRegistered() {
        JsonNode created = ContractFiles.example("party.organization.created.v1");
        JsonNode dissolved = ContractFiles.example("party.organization.dissolved.v1");
        String branch = created.path("id").asString();
        String parent = created.path("ancestors").get(0).asString();
        String staff = token("staff-" + parent, List.of(Roles.ORG_STAFF), List.of(parent), List.of());

        publishOrgEvent("party.organization.created.v1", branch, created.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> orgTree.find(branch).isPresent());
        assertThat(register(staff, registration(branch)).status()).isEqualTo(201);

        publishOrgEvent("party.organization.dissolved.v1", branch, dissolved.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !org(branch).active());
        Response refused = register(staff, registration(branch));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problem()).isEqualTo("organization-dissolved");

        // A redelivered older event changes nothing (the projection is version-guarded).
        publishOrgEvent("party.organization.created.v1", branch, created.toString());
        Response stillRefused = register(staff, registration(branch));
        assertThat(stillRefused.problem()).isEqualTo("organization-dissolved");
        assertThat(org(branch).version()).isEqualTo(dissolved.path("version").asLong());
    }
}
