package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/members/batch}: many registrations, all or nothing. */
class MemberBatchIT extends IntegrationTest {

    @Test
    void aBatchRegistersEveryMemberListsThemAndAnnouncesEach() {
        Orgs orgs = orgs();
        List<Map<String, Object>> items = List.of(registration(orgs.branchA()), registration(orgs.branchA()),
                registration(orgs.branchB()));

        Response created = post("/api/v1/members/batch", staff(orgs), Map.of("members", items));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        created.json().forEach(member -> ids.add(member.path("id").asString()));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(created.json().get(2).path("orgId").asString()).isEqualTo(orgs.branchB());
        assertThat(created.body()).doesNotContain((String) items.get(0).get("nationalId"));
        // Listed right away (the directory is written in the request), each one announced.
        assertThat(ids(get("/api/v1/members?orgId=" + orgs.general(), staff(orgs)))).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(this::awaitRegisteredEvent);
        Response byNumber = get("/api/v1/members/by-national-id?value=" + items.get(2).get("nationalId"), staff(orgs));
        assertThat(byNumber.json().path("id").asString()).isEqualTo(ids.get(2));
    }

    @Test
    void oneRefusedItemRefusesTheBatchAndStoresNothing() {
        Orgs orgs = orgs();
        Map<String, Object> taken = registration(orgs.branchA());
        assertThat(register(staff(orgs), taken).status()).isEqualTo(201);
        Map<String, Object> twice = registration(orgs.branchA());
        List<Map<String, Object>> items = List.of(registration(orgs.branchA()), taken, twice, twice,
                registration(orgs.general()));

        Response refused = post("/api/v1/members/batch", staff(orgs), Map.of("members", items));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.problem()).isEqualTo("member-batch-refused");
        List<String> errors = new ArrayList<>();
        for (JsonNode error : refused.json().path("errors")) {
            errors.add(error.path("index").asInt() + ":" + error.path("problem").asString());
        }
        assertThat(errors).containsExactly("1:member-duplicate-national-id", "3:member-duplicate-national-id",
                "4:not-a-branch");
        assertThat(membersIn(List.of(orgs.branchA(), orgs.general()))).isEqualTo(1);
    }

    @Test
    void outOfScopeOrMalformedItemsAreRefusedAndStoreNothing() {
        Orgs orgs = orgs();
        String secretaryA = secretary(orgs.branchA());
        Response outOfScope = post("/api/v1/members/batch", secretaryA,
                Map.of("members", List.of(registration(orgs.branchA()), registration(orgs.branchB()))));
        assertThat(outOfScope.status()).isEqualTo(422);
        assertThat(outOfScope.json().path("errors").get(0).path("problem").asString()).isEqualTo("out-of-scope");

        Map<String, Object> badNumber = registration(orgs.branchA());
        badNumber.put("nationalId", "110105199001011230");
        Response malformed = post("/api/v1/members/batch", secretaryA, Map.of("members", List.of(registration(orgs.branchA()),
                badNumber)));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).anyMatch(field -> field.startsWith("members[1]"));

        Response empty = post("/api/v1/members/batch", secretaryA, Map.of("members", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(membersIn(List.of(orgs.branchA(), orgs.branchB()))).isZero();
    }

    static List<String> ids(Response list) {
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
