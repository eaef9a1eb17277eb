package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.platform.security.Roles;
import tools.jackson.databind.JsonNode;

/**
 * Masked by default; unmasked only for a caller with pii:read who asks (?unmasked=true). Asking
 * without the permission is a 403 (never a silent masked answer), and every request for unmasked
 * data, allowed or denied, is written to the audit log.
 */
class MemberPiiIT extends IntegrationTest {

    @Test
    void unmaskedReadsNeedThePermissionAndTheAskAndAreAudited() {
        Orgs orgs = orgs();
        Map<String, Object> body = registration(orgs.branchA());
        String nationalId = (String) body.get("nationalId");
        String id = register(staff(orgs), body).json().path("id").asString();
        String path = "/api/v1/members/" + id;

        // Permission but no ask: masked, nothing audited.
        JsonNode masked = get(path, secretary(orgs.branchA(), Roles.PII_READ)).json();
        assertThat(masked.path("piiMasked").asBoolean()).isTrue();
        assertThat(masked.path("nationalId").asString()).isEqualTo(nationalId.substring(0, 6) + "********" + nationalId.substring(14));
        assertThat(masked.path("phone").asString()).isEqualTo("138****5678");
        assertThat(audit(id)).isEmpty();

        // Permission and ask: plaintext, audited as allowed with org, member and actor.
        Response unmasked = get(path + "?unmasked=true", secretary(orgs.branchA(), Roles.PII_READ));
        assertThat(unmasked.status()).isEqualTo(200);
        assertThat(unmasked.header("Cache-Control")).contains("no-store");
        assertThat(unmasked.json().path("piiMasked").asBoolean()).isFalse();
        assertThat(unmasked.json().path("nationalId").asString()).isEqualTo(nationalId);
        assertThat(unmasked.json().path("phone").asString()).isEqualTo("13812345678");
        List<JsonNode> entries = audit(id);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().path("action").asString()).isEqualTo("member.pii.read");
        assertThat(entries.getFirst().path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(entries.getFirst().path("target").asString()).isEqualTo(id);
        assertThat(entries.getFirst().path("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(entries.getFirst().path("actor").asString()).isEqualTo("secretary-" + orgs.branchA());

        // The ask without the permission: 403, no data, audited as denied.
        Response refused = get(path + "?unmasked=true", secretary(orgs.branchA()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).isEqualTo("pii-read-forbidden");
        assertThat(refused.body()).doesNotContain(nationalId).doesNotContain(nationalId.substring(14));
        assertThat(audit(id)).extracting(e -> e.path("outcome").asString()).containsExactlyInAnyOrder("ALLOWED", "DENIED");

        // Out of scope stays a 404 even with the permission; nothing is revealed or audited.
        Response outside = get(path + "?unmasked=true", secretary(orgs.branchB(), Roles.PII_READ));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(audit(id)).hasSize(2);

        // The exact lookup follows the same rules.
        Response byNumber = get("/api/v1/members/by-national-id?value=" + nationalId + "&unmasked=true",
                staff(orgs, Roles.PII_READ));
        assertThat(byNumber.json().path("id").asString()).isEqualTo(id);
        assertThat(byNumber.json().path("nationalId").asString()).isEqualTo(nationalId);
        assertThat(audit(id)).hasSize(3);
        assertThat(get("/api/v1/members/by-national-id?value=" + nationalId, staff(orgs)).json().path("nationalId").asString())
                .contains("********");
        Response invalidLookup = get("/api/v1/members/by-national-id?value=12345", staff(orgs));
        assertThat(invalidLookup.status()).isEqualTo(400);
        assertThat(invalidLookup.errorFields()).containsExactly("value");
    }

    /** The audit trail of one member, through the platform's admin API. */
    private List<JsonNode> audit(String memberId) {
        String admin = token("auditor", List.of(Roles.ADMIN), List.of(), List.of());
        Response response = get("/api/v1/admin/member-service/audit?action=member.pii.read&size=100", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new java.util.ArrayList<>();
        response.json().path("items").forEach(entry -> {
            if (memberId.equals(entry.path("target").asString())) {
                entries.add(entry);
            }
        });
        return entries;
    }
}
