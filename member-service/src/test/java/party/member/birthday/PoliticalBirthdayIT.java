package party.member.birthday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Political birthdays of a subtree on a day, in an ISO week or a month, with the years of standing. */
class PoliticalBirthdayIT extends party.member.care.CareTestSupport {

    private static final String PATH = "/api/v1/members/political-birthdays";

    @Test
    void anniversariesOnADayInAWeekAndInAMonthPerBranch() {
        Tree orgs = tree();
        String leap = member(orgs, orgs.branchA(), "闰日", LocalDate.of(1970, 1, 1), "FULL", LocalDate.of(1996, 2, 29));
        String july1 = member(orgs, orgs.branchA(), "七一", LocalDate.of(1975, 1, 1), "FULL", LocalDate.of(2000, 7, 1));
        String july3 = member(orgs, orgs.branchA(), "七三", LocalDate.of(1985, 1, 1), "PROBATIONARY", LocalDate.of(2010, 7, 3));
        String newYear = member(orgs, orgs.branchA(), "年末", LocalDate.of(1990, 1, 1), "FULL", LocalDate.of(2015, 12, 30));
        member(orgs, orgs.branchA(), "今年入党", LocalDate.of(2000, 1, 1), "PROBATIONARY", LocalDate.of(2026, 7, 1));
        member(orgs, orgs.branchA(), "无日期", LocalDate.of(1980, 1, 1), "FULL", null);
        String inB = member(orgs, orgs.branchB(), "乙支部", LocalDate.of(1950, 1, 1), "FULL", LocalDate.of(1980, 7, 1));
        setStored(inB, "fullMembershipDate", "1981-07-01");
        String applicant = member(orgs, orgs.branchB(), "申请人", LocalDate.of(1950, 1, 1), "FULL", LocalDate.of(1990, 7, 1));
        setStored(applicant, "status", "APPLICANT");

        JsonNode day = get(PATH + "?orgId=" + orgs.general() + "&date=2026-07-01", staff(orgs)).json();
        Map<String, JsonNode> onDay = byMember(day);
        assertThat(onDay.keySet()).containsExactlyInAnyOrder(july1, inB);
        assertThat(onDay.get(july1).path("years").asInt()).isEqualTo(26);
        assertThat(onDay.get(july1).path("name").asString()).isEqualTo("七一");
        assertThat(onDay.get(inB).path("years").asInt()).isEqualTo(46);
        assertThat(onDay.get(inB).path("standingYears").asInt()).isEqualTo(45);
        assertThat(onDay.get(july1).path("standingYears").asInt()).isEqualTo(26);
        assertThat(day.path("from").asString()).isEqualTo("2026-07-01");
        assertThat(day.path("byOrganization")).hasSize(2);
        assertThat(day.path("membersWithoutJoiningDate").asLong()).isEqualTo(1);
        assertThat(day.toString()).doesNotContain("nationalId", "phone");

        JsonNode week = get(PATH + "?orgId=" + orgs.branchA() + "&week=2026-W27", secretary(orgs.branchA())).json();
        assertThat(byMember(week).keySet()).containsExactlyInAnyOrder(july1, july3);
        assertThat(week.path("items").get(0).path("memberId").asString()).isEqualTo(july1);
        assertThat(week.path("items").get(1).path("anniversary").asString()).isEqualTo("2026-07-03");
        assertThat(week.path("items").get(1).path("years").asInt()).isEqualTo(16);
        assertThat(week.path("items").get(1).path("standingYears").isNull()).isTrue();
        assertThat(week.path("from").asString()).isEqualTo("2026-06-29");
        assertThat(week.path("to").asString()).isEqualTo("2026-07-05");

        JsonNode february = get(PATH + "?orgId=" + orgs.branchA() + "&month=2026-02", staff(orgs)).json();
        assertThat(byMember(february).keySet()).containsExactly(leap);
        assertThat(february.path("items").get(0).path("anniversary").asString()).isEqualTo("2026-02-28");
        assertThat(february.path("items").get(0).path("years").asInt()).isEqualTo(30);
        JsonNode leapDay2028 = get(PATH + "?orgId=" + orgs.branchA() + "&date=2028-02-28", staff(orgs)).json();
        assertThat(leapDay2028.path("total").asLong()).isZero();

        JsonNode acrossYears = get(PATH + "?orgId=" + orgs.branchA() + "&week=2026-W01", staff(orgs)).json();
        assertThat(byMember(acrossYears).keySet()).containsExactly(newYear);
        assertThat(acrossYears.path("items").get(0).path("anniversary").asString()).isEqualTo("2025-12-30");
        assertThat(acrossYears.path("items").get(0).path("years").asInt()).isEqualTo(10);

        JsonNode paged = get(PATH + "?orgId=" + orgs.general() + "&date=2026-07-01&size=1&page=1", staff(orgs)).json();
        assertThat(paged.path("total").asLong()).isEqualTo(2);
        assertThat(paged.path("items")).hasSize(1);
    }

    @Test
    void badPeriodsAndForeignSubtreesAreRejected() {
        Tree orgs = tree();
        String token = staff(orgs);
        for (String query : new String[] {"", "&date=2026-07-01&month=2026-07", "&week=2026-W54", "&month=2026-13",
                "&date=20260701"}) {
            Res response = get(PATH + "?orgId=" + orgs.general() + query, token);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.problem()).isEqualTo("political-birthday-invalid-period");
        }
        Res english = get(PATH + "?orgId=" + orgs.general() + "&week=2026-W54", token, "Accept-Language", "en");
        assertThat(english.json().path("title").asString()).isEqualTo("Invalid period");
        assertThat(english.json().path("detail").asString()).contains("2026-W54");
        Res chinese = get(PATH + "?orgId=" + orgs.general() + "&week=2026-W54", token, "Accept-Language", "zh-CN");
        assertThat(chinese.json().path("title").asString()).isEqualTo("时间段无效");
        Res outside = get(PATH + "?orgId=" + orgs.branchA() + "&month=2026-07", secretary(orgs.branchB()));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.problem()).isEqualTo("not-found");
    }

    private static Map<String, JsonNode> byMember(JsonNode page) {
        Map<String, JsonNode> byId = new HashMap<>();
        page.path("items").forEach(item -> byId.put(item.path("memberId").asString(), item));
        return byId;
    }
}
