package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/** The compliance report over a small tree, in Shanghai calendar periods, and the committee rules it follows. */
class ComplianceIT extends MeetingItSupport {

    private static final String P = "urn:party-building:problem:";

    private JsonNode report(String token, String orgId, String period) {
        TestHttp.Response response = http().as(token).get("/api/v1/organizations/" + orgId + "/compliance?period=" + period);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode branch(JsonNode report, String id) {
        return report.get("branches").get("items").valueStream().filter(b -> id.equals(b.get("orgId").asString()))
                .findFirst().orElseThrow();
    }

    private static JsonNode type(JsonNode branch, String type) {
        return branch.get("types").valueStream().filter(t -> type.equals(t.get("type").asString())).findFirst().orElseThrow();
    }

    private static List<String> types(JsonNode branch) {
        return branch.get("types").valueStream().map(t -> t.get("type").asString()).toList();
    }

    private static List<String> gaps(JsonNode type) {
        return type.get("missingCycles").valueStream()
                .map(g -> g.get("orgId").asString() + "@" + g.get("period").asString()).toList();
    }

    @Test
    void whatWasDueHeldAndMissingPerBranchAndOverTheSubtree() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第一党小组", code("P"), tree.branch1());
        List<String> m1 = members(tree.branch1(), "FULL", "FULL", "FULL");
        List<String> m2 = members(tree.branch2(), "FULL");

        held(token, tree.branch1(), "THEME_PARTY_DAY", "2026-01-10T02:00:00Z", m1, Map.of());
        held(token, tree.branch1(), "THEME_PARTY_DAY", "2026-03-05T02:00:00Z", m1, Map.of());
        // 00:30 on 1 April in Shanghai: April, not March, although it is still 31 March in UTC.
        held(token, tree.branch1(), "THEME_PARTY_DAY", "2026-03-31T16:30:00Z", m1, Map.of());
        held(token, tree.branch1(), "BRANCH_GENERAL_MEETING", "2026-02-15T06:00:00Z", m1, Map.of());
        // 23:30 on 31 March in Shanghai: still the first quarter.
        held(token, tree.branch1(), "PARTY_LECTURE", "2026-03-31T15:30:00Z", m1,
                Map.of("lecturer", "王老师", "topic", "党史学习"));
        held(token, group, "GROUP_MEETING", "2026-01-20T06:00:00Z", m1, Map.of("expectedAttendees", m1));
        // Planned or cancelled meetings count for nothing.
        planned(token, tree.branch1(), "THEME_PARTY_DAY", "2026-02-10T02:00:00Z");
        String cancelled = planned(token, tree.branch1(), "THEME_PARTY_DAY", "2026-02-11T02:00:00Z");
        assertThat(http().as(token).header("If-Match", "\"0\"").post("/api/v1/meetings/" + cancelled + "/cancel", Map.of())
                .status()).isEqualTo(200);
        held(token, tree.branch2(), "THEME_PARTY_DAY", "2026-02-10T02:00:00Z", m2, Map.of());

        JsonNode q1 = report(secretary(tree.branch1()), tree.branch1(), "2026-Q1");
        assertThat(q1.get("period").asString()).isEqualTo("2026-Q1");
        assertThat(q1.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(q1.get("to").asString()).isEqualTo("2026-03-31");
        assertThat(q1.get("complete").asBoolean()).isTrue();
        JsonNode b1 = branch(q1, tree.branch1());
        assertThat(types(b1)).containsExactly("BRANCH_GENERAL_MEETING", "COMMITTEE_MEETING", "GROUP_MEETING",
                "PARTY_LECTURE", "THEME_PARTY_DAY");
        JsonNode theme = type(b1, "THEME_PARTY_DAY");
        assertThat(theme.get("frequency").asString()).isEqualTo("MONTHLY");
        assertThat(theme.get("due").asInt()).isEqualTo(3);
        assertThat(theme.get("held").asInt()).isEqualTo(2);
        assertThat(gaps(theme)).containsExactly(tree.branch1() + "@2026-02");
        assertThat(type(b1, "PARTY_LECTURE").get("fulfilled").asInt()).isEqualTo(1);
        assertThat(type(b1, "BRANCH_GENERAL_MEETING").get("missing").asInt()).isZero();
        // Three full members: too few for a committee, so no committee meetings are owed.
        assertThat(type(b1, "COMMITTEE_MEETING").get("due").asInt()).isZero();
        JsonNode groups = type(b1, "GROUP_MEETING");
        assertThat(groups.get("due").asInt()).isEqualTo(3);
        assertThat(gaps(groups)).containsExactly(group + "@2026-02", group + "@2026-03");
        assertThat(b1.get("due").asInt()).isEqualTo(8);
        assertThat(b1.get("fulfilled").asInt()).isEqualTo(5);
        assertThat(b1.get("missing").asInt()).isEqualTo(3);

        JsonNode rollup = report(token, tree.committee(), "2026-Q1");
        assertThat(rollup.get("branches").get("items").valueStream().map(b -> b.get("orgId").asString()))
                .containsExactly(tree.branch1(), tree.branch2());
        JsonNode b2 = branch(rollup, tree.branch2());
        assertThat(b2.get("due").asInt()).isEqualTo(5);
        assertThat(b2.get("missing").asInt()).isEqualTo(4);
        assertThat(type(b2, "GROUP_MEETING").get("due").asInt()).isZero();
        JsonNode totals = rollup.get("totals");
        assertThat(totals.get("branches").asInt()).isEqualTo(2);
        assertThat(totals.get("due").asInt()).isEqualTo(13);
        assertThat(totals.get("fulfilled").asInt()).isEqualTo(6);
        assertThat(totals.get("missing").asInt()).isEqualTo(7);
        JsonNode themeTotal = totals.get("types").valueStream()
                .filter(t -> "THEME_PARTY_DAY".equals(t.get("type").asString())).findFirst().orElseThrow();
        assertThat(themeTotal.get("due").asInt()).isEqualTo(6);
        assertThat(themeTotal.get("held").asInt()).isEqualTo(3);
        assertThat(report(token, tree.general(), "2026-Q1").get("branches").get("items").valueStream()
                .map(b -> b.get("orgId").asString())).containsExactly(tree.branch1());
        JsonNode secondPage = http().as(token).get("/api/v1/organizations/" + tree.committee()
                + "/compliance?period=2026-Q1&size=1&page=1").json();
        assertThat(secondPage.get("branches").get("items").get(0).get("orgId").asString()).isEqualTo(tree.branch2());
        assertThat(secondPage.get("totals").get("due").asInt()).isEqualTo(13);

        JsonNode march = branch(report(token, tree.branch1(), "2026-03"), tree.branch1());
        assertThat(types(march)).containsExactly("COMMITTEE_MEETING", "GROUP_MEETING", "THEME_PARTY_DAY");
        assertThat(type(march, "THEME_PARTY_DAY").get("held").asInt()).isEqualTo(1);
        JsonNode april = branch(report(token, tree.branch1(), "2026-04"), tree.branch1());
        assertThat(type(april, "THEME_PARTY_DAY").get("held").asInt()).isEqualTo(1);

        JsonNode year = report(token, tree.branch1(), "2026");
        boolean over = !Instant.now().isBefore(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(year.get("complete").asBoolean()).isEqualTo(over);
        JsonNode yearly = branch(year, tree.branch1());
        assertThat(types(yearly)).containsExactly("BRANCH_GENERAL_MEETING", "COMMITTEE_MEETING", "GROUP_MEETING",
                "PARTY_LECTURE", "THEME_PARTY_DAY", "ORG_LIFE_REVIEW_MEETING", "DEMOCRATIC_APPRAISAL",
                "HEART_TO_HEART_TALK");
        JsonNode themeYear = type(yearly, "THEME_PARTY_DAY");
        assertThat(themeYear.get("due").asInt()).isEqualTo(12);
        assertThat(themeYear.get("fulfilled").asInt()).isEqualTo(3);
        assertThat(themeYear.get("fulfilled").asInt() + themeYear.get("missing").asInt() + themeYear.get("pending").asInt())
                .isEqualTo(12);
        JsonNode review = type(yearly, "ORG_LIFE_REVIEW_MEETING");
        assertThat(review.get("due").asInt()).isEqualTo(1);
        assertThat(review.get(over ? "missing" : "pending").asInt()).isEqualTo(1);
    }

    @Test
    void aCommitteeRecordedInTheLeadershipIsExpectedAndOwesMonthlyMeetings() {
        Tree tree = tree();
        String token = admin(tree.committee());
        List<String> m = members(tree.branch2(), "FULL", "FULL", "FULL", "FULL", "FULL", "FULL", "FULL");
        TestHttp.Response term = http().as(token).post("/api/v1/organizations/" + tree.branch2() + "/terms", Map.of(
                "startDate", "2025-06-01",
                "holders", List.of(
                        Map.of("role", "SECRETARY", "memberId", m.get(0), "name", "赵书记", "fullTime", false),
                        Map.of("role", "DEPUTY_SECRETARY", "memberId", m.get(1), "name", "钱副书记"),
                        Map.of("role", "ORGANIZATION_COMMISSIONER", "memberId", m.get(2), "name", "孙委员"))));
        assertThat(term.status()).as(term.raw()).isEqualTo(201);

        JsonNode before = branch(report(token, tree.branch2(), "2026-03"), tree.branch2());
        JsonNode owed = type(before, "COMMITTEE_MEETING");
        assertThat(owed.get("due").asInt()).isEqualTo(1);
        assertThat(gaps(owed)).containsExactly(tree.branch2() + "@2026-03");

        String id = planned(token, tree.branch2(), "COMMITTEE_MEETING", "2026-03-03T02:00:00Z");
        TestHttp.Response one = record(token, id, "\"0\"", recording("2026-03-03T02:00:00Z", List.of(m.get(0)),
                Map.of(m.get(1), "出差", m.get(2), "病假")));
        assertThat(one.status()).isEqualTo(422);
        assertThat(problemType(one)).isEqualTo(P + "meeting-committee-quorum-not-met");

        Map<String, Object> otherCommittee = recording("2026-03-03T02:00:00Z", List.of(m.get(0), m.get(3)), Map.of());
        otherCommittee.put("expectedAttendees", List.of(m.get(0), m.get(3)));
        TestHttp.Response differs = record(token, id, "\"0\"", otherCommittee);
        assertThat(differs.status()).isEqualTo(422);
        assertThat(problemType(differs)).isEqualTo(P + "meeting-committee-differs");

        TestHttp.Response ok = record(token, id, "\"0\"", recording("2026-03-03T02:00:00Z", List.of(m.get(0), m.get(1)),
                Map.of(m.get(2), "病假")));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.json().get("expectedAttendees").valueStream().map(JsonNode::asString))
                .containsExactly(m.get(0), m.get(1), m.get(2));

        JsonNode after = type(branch(report(token, tree.branch2(), "2026-03"), tree.branch2()), "COMMITTEE_MEETING");
        assertThat(after.get("fulfilled").asInt()).isEqualTo(1);
        assertThat(after.get("missing").asInt()).isZero();
    }

    @Test
    void badPeriodsGroupsAndForeignSubtreesAreRefused() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String group = create(token, "GROUP", "第二党小组", code("P"), tree.branch2());
        String path = "/api/v1/organizations/" + tree.branch1() + "/compliance";

        for (String period : List.of("2026-13", "2026Q1", "Q1-2026", "2026-Q5", "26", "2026-1")) {
            TestHttp.Response bad = http().as(token).header("Accept-Language", "en").get(path + "?period=" + period);
            assertThat(bad.status()).as(period).isEqualTo(400);
            assertThat(problemType(bad)).isEqualTo(P + "invalid-period");
            assertThat(bad.json().get("detail").asString()).startsWith(period + " is not a period");
        }
        assertThat(http().as(token).get(path).status()).isEqualTo(400);
        TestHttp.Response ofGroup = http().as(token).get("/api/v1/organizations/" + group + "/compliance?period=2026-03");
        assertThat(ofGroup.status()).isEqualTo(422);
        assertThat(problemType(ofGroup)).isEqualTo(P + "meeting-compliance-not-for-group");

        assertThat(http().as(secretary(tree.branch2())).get(path + "?period=2026-03").status()).isEqualTo(404);
        assertThat(http().as(secretary(tree.branch1())).get("/api/v1/organizations/" + tree.committee()
                + "/compliance?period=2026-03").status()).isEqualTo(404);
        assertThat(http().as(secretary(tree.branch1())).get(path + "?period=2026-03").status()).isEqualTo(200);
    }
}
