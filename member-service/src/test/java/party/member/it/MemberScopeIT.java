package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Object-level authorization: the caller's subtrees from the token against the stored org's ancestors. */
class MemberScopeIT extends IntegrationTest {

    @Test
    void aSecretaryOfBranchANeitherSeesNorRegistersIntoBranchB() {
        Orgs orgs = orgs();
        String inA = created(staff(orgs), registration(orgs.branchA()));
        Map<String, Object> bBody = registration(orgs.branchB());
        String inB = created(staff(orgs), bBody);
        String secretaryA = secretary(orgs.branchA());

        assertThat(get("/api/v1/members/" + inA, secretaryA).status()).isEqualTo(200);

        Response hidden = get("/api/v1/members/" + inB, secretaryA);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.problem()).isEqualTo("not-found");
        // Only the path the caller asked for comes back (as the problem's instance), no data of the member.
        assertThat(hidden.json().path("instance").asString()).isEqualTo("/api/v1/members/" + inB);
        assertThat(hidden.body()).doesNotContain(orgs.branchB()).doesNotContain((String) bBody.get("name"))
                .doesNotContain("nationalId");
        // Indistinguishable from a member that does not exist.
        Response absent = get("/api/v1/members/no-such-member", secretaryA);
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.json().path("title")).isEqualTo(hidden.json().path("title"));
        assertThat(absent.json().path("detail")).isEqualTo(hidden.json().path("detail"));

        Response byNumber = get("/api/v1/members/by-national-id?value=" + bBody.get("nationalId"), secretaryA);
        assertThat(byNumber.status()).isEqualTo(404);
        assertThat(byNumber.body()).doesNotContain(inB);

        Response intoB = register(secretaryA, registration(orgs.branchB()));
        assertThat(intoB.status()).isEqualTo(403);
        assertThat(intoB.problem()).isEqualTo("out-of-scope");
        // Scope is checked before the organization's state, so nothing about it leaks either.
        Response intoDissolved = register(secretaryA, registration(orgs.dissolved()));
        assertThat(intoDissolved.status()).isEqualTo(403);
        assertThat(intoDissolved.problem()).isEqualTo("out-of-scope");
        assertThat(membersIn(List.of(orgs.branchB(), orgs.dissolved()))).isEqualTo(1);
    }

    @Test
    void listsCoverOnlyTheSubtreeOfAManagedOrganization() {
        Orgs orgs = orgs();
        String staff = staff(orgs);
        List<String> inA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inA.add(created(staff, registration(orgs.branchA())));
        }
        Map<String, Object> full = registration(orgs.branchB());
        full.put("status", "FULL");
        full.put("name", "王五同志");
        String inB = created(staff, full);

        // Staff of the committee: the committee's subtree holds all of them; the general branch too.
        assertThat(ids(get("/api/v1/members?orgId=" + orgs.committee(), staff))).containsExactlyInAnyOrder(
                inA.get(0), inA.get(1), inA.get(2), inB);
        assertThat(ids(get("/api/v1/members?orgId=" + orgs.general(), staff))).hasSize(4);
        assertThat(ids(get("/api/v1/members?orgId=" + orgs.committee() + "&status=FULL", staff))).containsExactly(inB);
        assertThat(ids(get("/api/v1/members?orgId=" + orgs.committee() + "&name=%E7%8E%8B%E4%BA%94", staff)))
                .containsExactly(inB);

        // Secretary of A: their branch only; the parent or a sibling is out of scope.
        String secretaryA = secretary(orgs.branchA());
        Response own = get("/api/v1/members?orgId=" + orgs.branchA(), secretaryA);
        assertThat(own.status()).isEqualTo(200);
        assertThat(ids(own)).containsExactlyInAnyOrderElementsOf(inA);
        assertThat(own.json().path("items").get(0).path("piiMasked").asBoolean()).isTrue();
        assertThat(get("/api/v1/members?orgId=" + orgs.general(), secretaryA).status()).isEqualTo(403);
        assertThat(get("/api/v1/members?orgId=" + orgs.branchB(), secretaryA).status()).isEqualTo(403);

        // Paging: pages are capped, totals count the whole subtree.
        Response page = get("/api/v1/members?orgId=" + orgs.branchA() + "&page=1&size=2", secretaryA);
        assertThat(page.json().path("total").asLong()).isEqualTo(3);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.json().path("items").size()).isEqualTo(1);
        assertThat(get("/api/v1/members?orgId=" + orgs.branchA() + "&size=100000", secretaryA).json().path("size").asInt())
                .isEqualTo(100);
        assertThat(get("/api/v1/members?orgId=" + orgs.branchA() + "&size=0", secretaryA).problem()).isEqualTo("invalid-page");
        assertThat(get("/api/v1/members", secretaryA).status()).isEqualTo(400);
        // APPLICANT became a status with the development pipeline; an unknown one is still a 400.
        assertThat(get("/api/v1/members?orgId=" + orgs.branchA() + "&status=NO_SUCH_STATUS", secretaryA).status()).isEqualTo(400);
        assertThat(get("/api/v1/members?orgId=" + orgs.branchA() + "&status=APPLICANT", secretaryA).json().path("total")
                .asLong()).isZero();
        assertThat(get("/api/v1/members?orgId=unknown-" + orgs.branchA(), secretaryA).status()).isEqualTo(404);
    }

    private String created(String token, Map<String, Object> body) {
        Response response = register(token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.json().path("items")) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }
}
