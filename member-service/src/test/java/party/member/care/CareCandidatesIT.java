package party.member.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The lists to visit: old members by standing or age, and members the branch flagged as in difficulty. */
class CareCandidatesIT extends CareTestSupport {

    private static final String PATH = "/api/v1/care-visits";

    @Test
    void oldMembersByStandingOrAgeOverTheSubtree() {
        Tree orgs = tree();
        String byAge = member(orgs, orgs.branchA(), "按年龄", LocalDate.of(1940, 1, 1), "FULL", LocalDate.of(2000, 7, 1));
        String byStanding = member(orgs, orgs.branchA(), "按党龄", LocalDate.of(1955, 1, 1), "FULL", LocalDate.of(1970, 7, 1));
        member(orgs, orgs.branchA(), "预备党员", LocalDate.of(1955, 1, 1), "PROBATIONARY", LocalDate.of(1970, 7, 1));
        member(orgs, orgs.branchA(), "年轻党员", LocalDate.of(1990, 1, 1), "FULL", LocalDate.of(2015, 7, 1));
        String inB = member(orgs, orgs.branchB(), "乙支部老党员", LocalDate.of(1938, 1, 1), "FULL", LocalDate.of(1960, 7, 1));
        // Standing counts from the full-membership date where there is one: 49 years, not 56.
        String fullLater = member(orgs, orgs.branchA(), "转正较晚", LocalDate.of(1955, 1, 1), "FULL", LocalDate.of(1970, 7, 1));
        setStored(fullLater, "fullMembershipDate", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusYears(49)
                .toString());
        // An applicant is no Party member, however old.
        String applicant = member(orgs, orgs.branchA(), "申请人", LocalDate.of(1930, 1, 1), "FULL", LocalDate.of(1950, 7, 1));
        setStored(applicant, "status", "APPLICANT");
        assertThat(post(PATH, staff(orgs), CareVisitIT.visit(byAge, "2026-01-20", "OLD_MEMBER", "300")).status())
                .isEqualTo(201);

        JsonNode ofA = get(PATH + "/candidates?orgId=" + orgs.branchA() + "&kind=OLD_MEMBER", secretary(orgs.branchA())).json();
        Map<String, JsonNode> byId = byMember(ofA);
        assertThat(byId.keySet()).containsExactlyInAnyOrder(byAge, byStanding);
        assertThat(byId.get(byAge).path("grounds").toString()).isEqualTo("[\"AGE\"]");
        assertThat(byId.get(byAge).path("lastVisitDate").asString()).isEqualTo("2026-01-20");
        assertThat(byId.get(byStanding).path("grounds").toString()).isEqualTo("[\"STANDING\"]");
        assertThat(byId.get(byStanding).path("standingYears").asInt()).isGreaterThanOrEqualTo(55);
        assertThat(byId.get(byStanding).path("lastVisitDate").isNull()).isTrue();

        JsonNode all = get(PATH + "/candidates?orgId=" + orgs.general() + "&kind=OLD_MEMBER", staff(orgs)).json();
        assertThat(byMember(all).keySet()).containsExactlyInAnyOrder(byAge, byStanding, inB);
        assertThat(byMember(all).get(inB).path("grounds").toString()).isEqualTo("[\"STANDING\",\"AGE\"]");
        assertThat(all.toString()).doesNotContain("nationalId");

        assertThat(get(PATH + "/candidates?orgId=" + orgs.branchA() + "&kind=OLD_MEMBER", secretary(orgs.branchB())).status())
                .isEqualTo(404);
        Res badKind = get(PATH + "/candidates?orgId=" + orgs.branchA() + "&kind=RICH", staff(orgs));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.problem()).isEqualTo("care-visit-invalid-candidate-kind");
    }

    @Test
    void theBranchFlagsMembersInDifficultyWithETagsAndClearsTheFlag() {
        Tree orgs = tree();
        String member = member(orgs, orgs.branchA(), "困难党员", LocalDate.of(1970, 1, 1), "FULL", LocalDate.of(1995, 7, 1));
        String flagPath = PATH + "/difficulty-flags/" + member;
        String secretary = secretary(orgs.branchA());

        Res outside = put(flagPath, secretary(orgs.branchB()), Map.of("reason", "因病致困"));
        assertThat(outside.status()).isEqualTo(404);
        Res blank = put(flagPath, secretary, Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorFields()).containsExactly("reason");
        assertThat(db.findById(member, DifficultyFlag.class)).isNull();

        Res flagged = put(flagPath, secretary, Map.of("reason", "因病致困"));
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
        assertThat(flagged.header("ETag")).isEqualTo("\"0\"");
        JsonNode list = get(PATH + "/candidates?orgId=" + orgs.general() + "&kind=DIFFICULTY", staff(orgs)).json();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("memberId").asString()).isEqualTo(member);
        assertThat(list.path("items").get(0).path("difficultyReason").asString()).isEqualTo("因病致困");
        assertThat(list.path("items").get(0).path("grounds").toString()).isEqualTo("[\"DIFFICULTY\"]");
        assertThat(get(PATH + "/candidates?orgId=" + orgs.branchB() + "&kind=DIFFICULTY", staff(orgs)).json()
                .path("total").asLong()).isZero();

        assertThat(put(flagPath, secretary, Map.of("reason", "家庭困难")).status()).isEqualTo(428);
        assertThat(put(flagPath, secretary, Map.of("reason", "家庭困难"), "If-Match", "\"7\"").status()).isEqualTo(412);
        assertThat(db.findById(member, DifficultyFlag.class).getReason()).isEqualTo("因病致困");
        Res changed = put(flagPath, secretary, Map.of("reason", "家庭困难"), "If-Match", "\"0\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(get(flagPath, secretary).json().path("reason").asString()).isEqualTo("家庭困难");

        assertThat(delete(flagPath, secretary(orgs.branchB()), "If-Match", "\"1\"").status()).isEqualTo(404);
        assertThat(delete(flagPath, secretary).status()).isEqualTo(428);
        assertThat(delete(flagPath, secretary, "If-Match", "\"0\"").status()).isEqualTo(412);
        assertThat(db.findById(member, DifficultyFlag.class)).isNotNull();
        assertThat(delete(flagPath, secretary, "If-Match", "\"1\"").status()).isEqualTo(204);
        assertThat(db.findById(member, DifficultyFlag.class)).isNull();
        assertThat(get(flagPath, secretary).status()).isEqualTo(404);
        assertThat(get(PATH + "/candidates?orgId=" + orgs.general() + "&kind=DIFFICULTY", staff(orgs)).json()
                .path("total").asLong()).isZero();
    }

    private static Map<String, JsonNode> byMember(JsonNode page) {
        Map<String, JsonNode> byId = new HashMap<>();
        page.path("items").forEach(item -> byId.put(item.path("memberId").asString(), item));
        assertThat(page.path("total").asLong()).isEqualTo(byId.size());
        return byId;
    }
}
