package party.member.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import party.platform.events.CloudEvents;
import party.platform.test.TestApi;
import party.platform.test.TestContracts;
import tools.jackson.databind.JsonNode;

/**
 * The member's profile (ethnicity, native place, education, work unit, position, occupation, Party
 * group): given at registration, and replaced with {@code PUT /api/v1/members/{id}/profile}.
 */
class MemberProfileIT extends IntegrationTest {

    private static final String PROFILE_UPDATED = "party.member.profile-updated.v1";

    private static Map<String, Object> withProfile(Map<String, Object> body, String groupId) {
        body.put("ethnicity", "蒙古族");
        body.put("nativePlace", "内蒙古呼和浩特");
        body.put("education", "UNDERGRADUATE");
        body.put("workUnit", "神华准格尔能源公司");
        body.put("position", "调度员");
        body.put("occupation", "WORKER");
        body.put("groupId", groupId);
        return body;
    }

    @Test
    void registrationRecordsTheProfileAndShowsIt() {
        Orgs orgs = orgs();

        Response created = register(secretary(orgs.branchA()), withProfile(registration(orgs.branchA()), orgs.groupA()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode member = created.json();
        assertThat(member.path("ethnicity").asString()).isEqualTo("蒙古族");
        assertThat(member.path("nativePlace").asString()).isEqualTo("内蒙古呼和浩特");
        assertThat(member.path("education").asString()).isEqualTo("UNDERGRADUATE");
        assertThat(member.path("workUnit").asString()).isEqualTo("神华准格尔能源公司");
        assertThat(member.path("position").asString()).isEqualTo("调度员");
        assertThat(member.path("occupation").asString()).isEqualTo("WORKER");
        assertThat(member.path("groupId").asString()).isEqualTo(orgs.groupA());
        String id = member.path("id").asString();
        assertThat(get("/api/v1/members/" + id, staff(orgs)).json()).isEqualTo(member);
        Document stored = storedMember(id);
        assertThat(stored.getString("education")).isEqualTo("UNDERGRADUATE");
        assertThat(stored.getString("occupation")).isEqualTo("WORKER");
        assertThat(stored.getString("groupId")).isEqualTo(orgs.groupA());
        // The registered event stays free of the profile.
        ConsumerRecord<String, String> event = awaitRegisteredEvent(id);
        assertThat(event.value()).doesNotContain("蒙古族").doesNotContain("神华").doesNotContain("WORKER");
    }

    @Test
    void registrationWithoutTheProfileLeavesItEmpty() {
        Orgs orgs = orgs();

        Response created = register(staff(orgs), registration(orgs.branchB()));

        assertThat(created.status()).isEqualTo(201);
        for (String field : List.of("ethnicity", "nativePlace", "education", "workUnit", "position", "occupation",
                "groupId")) {
            assertThat(created.json().path(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void aWrongEthnicityEducationOccupationOrGroupIsA4xxAndStoresNothing() {
        Orgs orgs = orgs();
        String token = staff(orgs);

        Map<String, Object> badValues = withProfile(registration(orgs.branchA()), orgs.groupA());
        badValues.put("ethnicity", "汉");
        badValues.put("education", "DOCTORATE");
        badValues.put("occupation", "工人");
        badValues.put("nativePlace", "籍".repeat(51));
        badValues.put("workUnit", "单".repeat(101));
        Response invalid = register(token, badValues);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problem()).isEqualTo("invalid-request");
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("ethnicity", "education", "occupation",
                "nativePlace", "workUnit");

        // A group of another branch, a branch named as group, an unknown group: 422.
        for (String group : List.of(orgs.groupA(), orgs.branchB(), "no-such-group-" + orgs.groupA())) {
            Response wrongGroup = register(token, withProfile(registration(orgs.branchB()), group));
            assertThat(wrongGroup.status()).as(group).isEqualTo(422);
            assertThat(wrongGroup.problem()).isEqualTo("member-group-invalid");
        }
        assertThat(membersIn(orgs.all())).isZero();
    }

    @Test
    void anApplicantIsRegisteredWithTheProfileToo() {
        Orgs orgs = orgs();
        LocalDate birth = LocalDate.of(1995, 3, 3);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "申请人");
        body.put("gender", "FEMALE");
        body.put("birthDate", birth.toString());
        body.put("nationalId", party.member.member.TestIds.nationalId(birth));
        body.put("orgId", orgs.branchA());
        body.put("applicationDate", "2025-03-01");
        body.put("materials", List.of("APPLICATION_LETTER"));
        body.put("ethnicity", "藏族");
        body.put("education", "POSTGRADUATE");
        body.put("occupation", "STUDENT");
        body.put("groupId", orgs.groupA());

        Response applied = post("/api/v1/development", secretary(orgs.branchA()), body);

        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Document stored = storedMember(applied.json().path("memberId").asString());
        assertThat(stored.getString("status")).isEqualTo("APPLICANT");
        assertThat(stored.getString("ethnicity")).isEqualTo("藏族");
        assertThat(stored.getString("education")).isEqualTo("POSTGRADUATE");
        assertThat(stored.getString("occupation")).isEqualTo("STUDENT");
        assertThat(stored.getString("groupId")).isEqualTo(orgs.groupA());

        body.put("nationalId", party.member.member.TestIds.nationalId(birth));
        body.put("ethnicity", "火星族");
        Response refused = post("/api/v1/development", secretary(orgs.branchA()), body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("ethnicity");
        assertThat(membersIn(orgs.all())).isEqualTo(1);
    }

    @Test
    void theProfileIsReplacedWithIfMatchAndTheEventNamesTheChangedFieldsWithoutValues() {
        Orgs orgs = orgs();
        Map<String, Object> registration = withProfile(registration(orgs.branchA()), null);
        String id = register(staff(orgs), registration).json().path("id").asString();
        String token = secretary(orgs.branchA());

        Map<String, Object> update = profile((String) registration.get("name"), "13912340000");
        update.put("ethnicity", "蒙古族");
        update.put("nativePlace", "内蒙古呼和浩特");
        update.put("education", "POSTGRADUATE");
        update.put("workUnit", "国家能源集团");
        update.put("position", "党支部书记");
        update.put("occupation", "ENTERPRISE_MANAGER");
        update.put("groupId", orgs.groupA());

        Response missing = put(id, token, update, null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.problem()).isEqualTo("if-match-required");

        Response updated = put(id, token, update, "\"0\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        JsonNode member = updated.json();
        assertThat(member.path("version").asLong()).isEqualTo(1);
        assertThat(member.path("phone").asString()).isEqualTo("139****0000");
        assertThat(member.path("education").asString()).isEqualTo("POSTGRADUATE");
        assertThat(member.path("workUnit").asString()).isEqualTo("国家能源集团");
        assertThat(member.path("position").asString()).isEqualTo("党支部书记");
        assertThat(member.path("occupation").asString()).isEqualTo("ENTERPRISE_MANAGER");
        assertThat(member.path("groupId").asString()).isEqualTo(orgs.groupA());
        assertThat(member.path("ethnicity").asString()).isEqualTo("蒙古族");
        assertThat(storedMember(id).toJson()).doesNotContain("13912340000");

        ConsumerRecord<String, String> event = awaitPublished(r -> id.equals(r.key())
                && PROFILE_UPDATED.equals(header(r, CloudEvents.TYPE)));
        assertThat(TestContracts.violations(PROFILE_UPDATED, event.value())).as(event.value()).isEmpty();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("memberId").asString()).isEqualTo(id);
        assertThat(data.path("orgId").asString()).isEqualTo(orgs.branchA());
        assertThat(data.path("version").asLong()).isEqualTo(1);
        List<String> changed = new java.util.ArrayList<>();
        data.path("changed").forEach(n -> changed.add(n.asString()));
        assertThat(changed).containsExactly("phone", "education", "workUnit", "position", "occupation", "groupId");
        assertThat(event.value()).doesNotContain("1391234").doesNotContain("国家能源").doesNotContain("书记")
                .doesNotContain("POSTGRADUATE").doesNotContain("ENTERPRISE_MANAGER").doesNotContain(orgs.groupA())
                .doesNotContain((String) registration.get("name"));

        // The same version again is stale: 412, nothing changed.
        Map<String, Object> stale = profile("另一个名字", null);
        Response refused = put(id, token, stale, "\"0\"");
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.problem()).isEqualTo("stale-version");
        assertThat(storedMember(id).getString("name")).isEqualTo(registration.get("name"));
        assertThat(storedMember(id).getLong("version")).isEqualTo(1);

        // Optional fields left out are cleared; an update changing nothing keeps the version.
        Response cleared = put(id, token, profile("新名字", null), "\"1\"");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("groupId").isNull()).isTrue();
        assertThat(cleared.json().path("phone").isNull()).isTrue();
        assertThat(cleared.header("ETag")).isEqualTo("\"2\"");
        ConsumerRecord<String, String> second = awaitPublished(r -> id.equals(r.key())
                && PROFILE_UPDATED.equals(header(r, CloudEvents.TYPE)) && JSON.readTree(r.value()).path("version").asLong() == 2);
        List<String> all = new java.util.ArrayList<>();
        JSON.readTree(second.value()).path("changed").forEach(n -> all.add(n.asString()));
        assertThat(all).containsExactly("name", "phone", "ethnicity", "nativePlace", "education", "workUnit", "position",
                "occupation", "groupId");
        assertThat(second.value()).doesNotContain("新名字");
        Response same = put(id, token, profile("新名字", null), "\"2\"");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"2\"");
        assertThat(storedMember(id).getLong("version")).isEqualTo(2);
    }

    @Test
    void badInputAndOtherBranchesChangeNothing() {
        Orgs orgs = orgs();
        Map<String, Object> registration = registration(orgs.branchA());
        String id = register(staff(orgs), registration).json().path("id").asString();
        Document before = storedMember(id);

        Map<String, Object> wrongValues = profile("名字", null);
        wrongValues.put("ethnicity", "Han");
        wrongValues.put("education", "PHD");
        wrongValues.put("occupation", "ASTRONAUT");
        wrongValues.put("position", "职".repeat(51));
        Response invalid = put(id, staff(orgs), wrongValues, "\"0\"");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("ethnicity", "education", "occupation", "position");

        Map<String, Object> noName = profile(" ", null);
        assertThat(put(id, staff(orgs), noName, "\"0\"").errorFields()).containsExactly("name");

        Map<String, Object> otherGroup = profile("名字", null);
        otherGroup.put("groupId", orgs.branchB());
        Response wrongGroup = put(id, staff(orgs), otherGroup, "\"0\"");
        assertThat(wrongGroup.status()).isEqualTo(422);
        assertThat(wrongGroup.problem()).isEqualTo("member-group-invalid");

        // A secretary of another branch may not write; a member account may not either; an unknown member is 404.
        Response otherSecretary = put(id, secretary(orgs.branchB()), profile("名字", null), "\"0\"");
        assertThat(otherSecretary.status()).isEqualTo(403);
        assertThat(otherSecretary.problem()).isEqualTo("out-of-scope");
        String memberToken = token("m-" + orgs.branchA(), List.of(party.platform.security.Roles.MEMBER),
                List.of(orgs.branchA()), List.of());
        assertThat(put(id, memberToken, profile("名字", null), "\"0\"").status()).isEqualTo(403);
        assertThat(put("no-such-" + id, staff(orgs), profile("名字", null), "\"0\"").status()).isEqualTo(404);

        Document after = storedMember(id);
        assertThat(after.getLong("version")).isEqualTo(before.getLong("version"));
        assertThat(after.getString("name")).isEqualTo(registration.get("name"));
        assertThat(after.get("phone")).isEqualTo(before.get("phone"));
        assertThat(after.get("ethnicity")).isNull();
        // Nothing published for the member but its registration.
        awaitRegisteredEvent(id);
        Response sentinel = register(staff(orgs), registration(orgs.branchA()));
        awaitRegisteredEvent(sentinel.json().path("id").asString());
        assertThat(MemberEvents.published(brokers).stream().filter(r -> id.equals(r.key()))
                .map(r -> header(r, CloudEvents.TYPE)).distinct()).containsExactly("party.member.registered.v1");
    }

    private static Map<String, Object> profile(String name, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        return body;
    }

    private Response put(String id, String token, Map<String, Object> body, String ifMatch) {
        TestApi.Answer answer = ifMatch == null
                ? TestApi.send(port, "PUT", "/api/v1/members/" + id + "/profile", token, body)
                : TestApi.send(port, "PUT", "/api/v1/members/" + id + "/profile", token, body, "If-Match", ifMatch);
        return new Response(answer.status(), answer.headers(), answer.body());
    }
}
