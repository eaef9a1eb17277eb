package party.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import party.member.it.MemberEvents;
import party.member.member.Member;
import party.member.member.MemberDirectory;
import party.member.member.TestIds;
import party.member.roster.RosterTestSupport;
import party.platform.test.TestApi;
import tools.jackson.databind.JsonNode;

class MemberStatisticsIT extends RosterTestSupport {

    /**
     * For 2024 (as of 2024-12-31): A has 王 (男 汉族 34 → 31-35, 本科, standing from 转正 2016-07-01 → 5-9) and
     * 李 (女 回族 64 → 61-70, 研究生, 1981-07-01 → 40-49); B has 周 (女 汉族 24 → <=30, 大专, probationary
     * since 2024-06-01 → <5, admitted in 2024) and 吴, who joined in 2025 and is not counted.
     */
    private Tree known() {
        Tree tree = tree();
        byte[] xlsx = sheet(List.of(
                row("王", "男", "汉族", "1990-06-01", id(1990, 6, 1), null, "本科", tree.branchA(), "正式党员",
                        "2015-07-01", "2016-07-01"),
                row("李", "女", "回族", "1960-01-01", id(1960, 1, 1), null, "研究生", tree.branchA(), "正式党员",
                        "1980-07-01", "1981-07-01"),
                row("周", "女", "汉族", "2000-03-01", id(2000, 3, 1), null, "大专", tree.branchB(), "预备党员",
                        "2024-06-01", null),
                row("吴", "男", "汉族", "1995-01-01", id(1995, 1, 1), null, "本科", tree.branchB(), "预备党员",
                        "2025-03-01", null)));
        Res res = upload(staff(tree), xlsx);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        // As the development pipeline leaves a member admitted at step 17: the member and its
        // directory entry, which the statistics read (the pipeline's own event would refresh it),
        // once the directory's listener has applied the import's events (so it cannot undo this).
        MemberEvents.awaitConsumed(rosterBrokers, "member-service-directory");
        Document zhou = db.findOne(Query.query(Criteria.where("orgId").is(tree.branchB()).and("name").is("周")),
                Document.class, Member.COLLECTION);
        db.updateFirst(Query.query(Criteria.where("_id").is(zhou.getString("_id"))),
                Update.update("admissionDate", "2024-06-01"), Member.COLLECTION);
        directory.record(List.of(db.findById(zhou.getString("_id"), Member.class)));
        // A death in A, a transfer from A out of the system and one from A to B, all in 2024; one of 2023.
        db.insert(new Document("orgId", tree.branchA()).append("kind", "DEATH").append("date", "2024-05-01"),
                StatisticsService.DECISIONS);
        db.insert(new Document("orgId", tree.branchA()).append("kind", "EXPULSION").append("date", "2023-05-01"),
                StatisticsService.DECISIONS);
        // Two more deaths in A that are not in effect: one whose member write is pending, one flagged by its repair.
        db.insert(new Document("orgId", tree.branchA()).append("kind", "DEATH").append("date", "2024-06-01")
                .append("memberChange", "PENDING"), StatisticsService.DECISIONS);
        db.insert(new Document("orgId", tree.branchA()).append("kind", "DEATH").append("date", "2024-07-01")
                .append("memberChange", "FLAGGED"), StatisticsService.DECISIONS);
        db.insert(new Document("fromOrgId", tree.branchA()).append("toOrgId", "outside").append("state", "ACCEPTED")
                .append("decidedOn", "2024-08-01"), StatisticsService.TRANSFERS);
        db.insert(new Document("fromOrgId", tree.branchA()).append("toOrgId", tree.branchB()).append("state", "ACCEPTED")
                .append("decidedOn", "2024-09-01"), StatisticsService.TRANSFERS);
        return tree;
    }

    @org.springframework.beans.factory.annotation.Autowired
    MemberDirectory directory;

    private static String id(int y, int m, int d) {
        return TestIds.nationalId(LocalDate.of(y, m, d));
    }

    @Test
    void theSubtreeAndEachBranchAreCountedByEveryDimension() {
        Tree tree = known();

        Res res = download("/api/v1/members/statistics?year=2024&orgId=" + tree.committee(), staff(tree));

        assertThat(res.status()).as(res.body()).isEqualTo(200);
        JsonNode body = res.json();
        assertThat(body.path("asOf").asString()).isEqualTo("2024-12-31");
        JsonNode all = body.path("subtree");
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(map(all.path("byStatus"))).isEqualTo(Map.of("FULL", 2L, "PROBATIONARY", 1L));
        assertThat(map(all.path("byGender"))).isEqualTo(Map.of("MALE", 1L, "FEMALE", 2L));
        assertThat(map(all.path("byEthnicity"))).isEqualTo(Map.of("汉族", 2L, "回族", 1L));
        assertThat(map(all.path("byAgeBand"))).isEqualTo(Map.of("31-35", 1L, "61-70", 1L, "<=30", 1L));
        assertThat(map(all.path("byEducation"))).isEqualTo(Map.of("UNDERGRADUATE", 1L, "POSTGRADUATE", 1L,
                "JUNIOR_COLLEGE", 1L));
        assertThat(map(all.path("byOccupation"))).isEqualTo(Map.of("UNKNOWN", 3L));
        assertThat(map(all.path("byPartyStanding"))).isEqualTo(Map.of("5-9", 1L, "40-49", 1L, "<5", 1L));
        JsonNode changes = all.path("changes");
        assertThat(changes.path("developed").path("count").asLong()).isEqualTo(1);
        assertThat(changes.path("deceased").path("count").asLong()).isEqualTo(1);
        assertThat(changes.path("expelled").path("count").asLong()).isZero();
        assertThat(changes.path("transferredOut").path("count").asLong()).isEqualTo(1);
        assertThat(changes.path("transferredIn").path("count").asLong()).isZero();
        assertThat(body.path("notTracked").toString()).doesNotContain("occupation");

        Map<String, JsonNode> perOrg = new java.util.HashMap<>();
        body.path("organizations").forEach(o -> perOrg.put(o.path("orgId").asString(), o.path("breakdown")));
        assertThat(perOrg.keySet()).containsExactlyInAnyOrder(tree.branchA(), tree.branchB(), tree.dissolved());
        // Parents first (by the number of ancestors), then by id; named and typed as in the org tree.
        List<String> order = new java.util.ArrayList<>();
        body.path("organizations").forEach(o -> order.add(o.path("orgId").asString()));
        assertThat(order).containsExactly(tree.dissolved(), tree.branchA(), tree.branchB());
        JsonNode first = body.path("organizations").get(1);
        assertThat(first.path("name").asString()).isEqualTo("支部 " + tree.branchA());
        assertThat(first.path("type").asString()).isEqualTo("BRANCH");
        assertThat(perOrg.get(tree.branchA()).path("total").asLong()).isEqualTo(2);
        assertThat(perOrg.get(tree.branchA()).path("changes").path("transferredOut").path("count").asLong()).isEqualTo(2);
        assertThat(perOrg.get(tree.branchA()).path("changes").path("deceased").path("count").asLong()).isEqualTo(1);
        assertThat(perOrg.get(tree.branchB()).path("total").asLong()).isEqualTo(1);
        assertThat(perOrg.get(tree.branchB()).path("changes").path("transferredIn").path("count").asLong()).isEqualTo(1);
        assertThat(perOrg.get(tree.branchB()).path("changes").path("developed").path("count").asLong()).isEqualTo(1);
        assertThat(perOrg.get(tree.dissolved()).path("total").asLong()).isZero();
    }

    @Test
    void theCurrentYearCountsUpToTodayAndScopeAndYearAreChecked() {
        Tree tree = known();

        Res now = download("/api/v1/members/statistics?orgId=" + tree.branchB(), secretary(tree.branchB()));
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        assertThat(now.json().path("subtree").path("total").asLong()).isEqualTo(2);

        Res outside = download("/api/v1/members/statistics?orgId=" + tree.branchA(), secretary(tree.branchB()),
                "Accept", "application/problem+json");
        assertThat(outside.status()).isEqualTo(404);
        Res future = download("/api/v1/members/statistics?year=" + (LocalDate.now().getYear() + 2) + "&orgId="
                + tree.committee(), staff(tree), "Accept", "application/problem+json");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.problem()).isEqualTo("statistics-year-in-future");
    }

    @Test
    void ethnicityEducationAndOccupationAreCountedFromTheMembersAsRegistered() {
        Tree tree = tree();
        String token = staff(tree);
        registered(token, tree.branchA(), "MALE", Map.of("ethnicity", "汉族", "education", "UNDERGRADUATE",
                "occupation", "WORKER"));
        registered(token, tree.branchA(), "FEMALE", Map.of("ethnicity", "蒙古族", "education", "UNDERGRADUATE",
                "occupation", "PROFESSIONAL_TECHNICAL"));
        registered(token, tree.branchB(), "FEMALE", Map.of("ethnicity", "汉族", "education", "POSTGRADUATE",
                "occupation", "WORKER"));
        // Registered before the profile existed, or without it: counted as UNKNOWN.
        registered(token, tree.branchB(), "MALE", Map.of());

        Res res = download("/api/v1/members/statistics?orgId=" + tree.committee(), token);

        assertThat(res.status()).as(res.body()).isEqualTo(200);
        JsonNode all = res.json().path("subtree");
        assertThat(all.path("total").asLong()).isEqualTo(4);
        assertThat(map(all.path("byEthnicity"))).isEqualTo(Map.of("汉族", 2L, "蒙古族", 1L, "UNKNOWN", 1L));
        assertThat(map(all.path("byEducation"))).isEqualTo(Map.of("UNDERGRADUATE", 2L, "POSTGRADUATE", 1L, "UNKNOWN", 1L));
        assertThat(map(all.path("byOccupation"))).isEqualTo(Map.of("WORKER", 2L, "PROFESSIONAL_TECHNICAL", 1L,
                "UNKNOWN", 1L));
        Map<String, JsonNode> perOrg = new java.util.HashMap<>();
        res.json().path("organizations").forEach(o -> perOrg.put(o.path("orgId").asString(), o.path("breakdown")));
        assertThat(map(perOrg.get(tree.branchA()).path("byOccupation")))
                .isEqualTo(Map.of("WORKER", 1L, "PROFESSIONAL_TECHNICAL", 1L));
        assertThat(map(perOrg.get(tree.branchB()).path("byEthnicity"))).isEqualTo(Map.of("汉族", 1L, "UNKNOWN", 1L));
        assertThat(res.json().path("notTracked").toString()).doesNotContain("occupation");
    }

    /** Registers a FULL member through POST /api/v1/members with the given profile fields. */
    private void registered(String token, String branch, String gender, Map<String, String> profile) {
        LocalDate birth = TestIds.birthDate();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "统计" + java.util.UUID.randomUUID().toString().substring(0, 4));
        body.put("gender", gender);
        body.put("birthDate", birth.toString());
        body.put("nationalId", TestIds.nationalId(birth));
        body.put("orgId", branch);
        body.put("status", "FULL");
        body.put("joinedAt", "2010-07-01");
        body.putAll(profile);
        var answer = TestApi.send(rosterPort, "POST", "/api/v1/members", token, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static Map<String, Long> map(JsonNode node) {
        Map<String, Long> map = new java.util.HashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

}
