package party.member.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import party.member.member.Education;
import party.member.member.Gender;
import party.member.member.MemberProfile;
import party.member.member.MemberStatus;
import party.member.member.Occupation;
import party.member.member.TestIds;

class RosterCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final RosterCheck.OrgFacts BRANCH = new RosterCheck.OrgFacts(true, true, true, true);
    private static final LocalDate BIRTH = LocalDate.of(1980, 5, 5);

    private static RosterRow row(int n, String nationalId) {
        return new RosterRow(n, "张三", "男", "汉族", "1980-05-05", nationalId, "13812345678", "本科", "branch", "正式党员",
                "2000-07-01", "2001-07-01");
    }

    private static RosterCheck.Result check(List<RosterRow> rows) {
        return RosterCheck.check(rows, id -> "branch".equals(id) ? BRANCH : RosterCheck.OrgFacts.UNKNOWN, id -> false, TODAY);
    }

    private static List<String> codes(RosterCheck.Result result) {
        return result.problems().stream().map(p -> p.row() + ":" + p.column() + ":" + p.code()).toList();
    }

    @Test
    void aGoodRowIsParsed() {
        String id = TestIds.nationalIdEndingInX(BIRTH).toLowerCase();
        RosterCheck.Result result = check(List.of(row(2, " " + id + " ")));
        assertThat(result.ok()).isTrue();
        RosterCheck.Checked c = result.rows().getFirst();
        assertThat(c.nationalId()).isEqualTo(id.toUpperCase());
        assertThat(c.gender()).isEqualTo(Gender.MALE);
        assertThat(c.status()).isEqualTo(MemberStatus.FULL);
        assertThat(c.joinedAt()).isEqualTo(LocalDate.of(2000, 7, 1));
        assertThat(c.fullMembershipDate()).isEqualTo(LocalDate.of(2001, 7, 1));
        assertThat(c.profile().ethnicity()).isEqualTo("汉族");
        assertThat(c.profile().education()).isEqualTo(Education.UNDERGRADUATE);
    }

    @Test
    void educationAndOccupationAreLabelsAndEthnicityOneOfTheStandardsNames() {
        RosterRow full = new RosterRow(2, "张三", "男", "外国血统中国籍人士", "1980-05-05", TestIds.nationalId(BIRTH), null,
                "初中及以下", "branch", "正式党员", "2000-07-01", null, " 浙江温州 ", "温州港", "码头工", "工人");
        RosterCheck.Result good = check(List.of(full));
        assertThat(good.ok()).isTrue();
        MemberProfile profile = good.rows().getFirst().profile();
        assertThat(profile).isEqualTo(new MemberProfile("外国血统中国籍人士", "浙江温州", Education.JUNIOR_HIGH_OR_BELOW,
                "温州港", "码头工", Occupation.WORKER, null));

        RosterRow wrong = new RosterRow(3, "张三", "男", "汉", "1980-05-05", TestIds.nationalId(BIRTH), null, "扫盲班",
                "branch", "正式党员", "2000-07-01", null, "x".repeat(51), "y".repeat(101), null, "WORKERS");
        assertThat(codes(check(List.of(wrong)))).containsExactly("3:民族:not-allowed", "3:学历:not-allowed",
                "3:籍贯:too-long", "3:工作单位:too-long", "3:职业:not-allowed");
    }

    @Test
    void theCheckDigitAndTheBirthDateOfTheNumberAreChecked() {
        String good = TestIds.nationalId(BIRTH);
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String otherBirth = TestIds.nationalId(LocalDate.of(1981, 5, 5));
        RosterCheck.Result result = check(List.of(row(2, bad), row(3, otherBirth)));
        assertThat(codes(result)).containsExactly("2:公民身份号码:national-id-invalid", "3:公民身份号码:national-id-birth-mismatch");
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems().getFirst().value()).doesNotContain(bad).contains("*");
    }

    @Test
    void duplicatesInTheSheetAndInTheRegistryAreFound() {
        String twice = TestIds.nationalId(BIRTH);
        String registered = TestIds.nationalId(BIRTH);
        RosterCheck.Result result = RosterCheck.check(List.of(row(2, twice), row(3, twice), row(4, registered)),
                id -> BRANCH, Set.of(registered)::contains, TODAY);
        assertThat(codes(result)).containsExactly("3:公民身份号码:national-id-duplicate-in-sheet",
                "4:公民身份号码:national-id-registered");
        assertThat(result.problems().getFirst().value()).isEqualTo("2");
    }

    @Test
    void theBranchMustExistBeManagedActiveAndABranch() {
        String id = TestIds.nationalId(BIRTH);
        for (var c : List.of(
                new Object[] {RosterCheck.OrgFacts.UNKNOWN, "org-unavailable"},
                new Object[] {new RosterCheck.OrgFacts(true, false, true, true), "org-unavailable"},
                new Object[] {new RosterCheck.OrgFacts(true, true, false, true), "org-dissolved"},
                new Object[] {new RosterCheck.OrgFacts(true, true, true, false), "org-not-branch"})) {
            RosterCheck.Result result = RosterCheck.check(List.of(row(2, id)), o -> (RosterCheck.OrgFacts) c[0], n -> false, TODAY);
            assertThat(codes(result)).containsExactly("2:所在党组织ID:" + c[1]);
        }
    }

    @Test
    void datesMustBeRealPastAndInOrder() {
        String id = TestIds.nationalId(BIRTH);
        RosterRow future = new RosterRow(2, "张", "男", null, "1980-05-05", id, null, null, "branch", "正式党员",
                "2025-07-01", null);
        RosterRow notADate = new RosterRow(3, "张", "男", null, "1980-05-05", TestIds.nationalId(BIRTH), null, null,
                "branch", "正式党员", "2000-02-30", null);
        RosterRow fullFirst = new RosterRow(4, "张", "男", null, "1980-05-05", TestIds.nationalId(BIRTH), null, null,
                "branch", "正式党员", "2000-07-01", "2000-07-01");
        RosterRow probationaryWithFull = new RosterRow(5, "张", "男", null, "1980-05-05", TestIds.nationalId(BIRTH), null,
                null, "branch", "预备党员", "2000-07-01", "2001-07-01");
        RosterRow joinedAsChild = new RosterRow(6, "张", "男", null, "1980-05-05", TestIds.nationalId(BIRTH), null, null,
                "branch", "预备党员", "1979-07-01", null);
        RosterCheck.Result result = check(List.of(future, notADate, fullFirst, probationaryWithFull, joinedAsChild));
        assertThat(codes(result)).containsExactly("2:入党日期:date-in-future", "3:入党日期:date-invalid",
                "4:转正日期:full-not-after-joined", "5:转正日期:full-date-for-probationary", "6:入党日期:joined-before-birth");
    }

    @Test
    void requiredCellsAndAllowedValues() {
        RosterRow empty = new RosterRow(2, "", "", "", "", "", "", "", "", "", "", "");
        assertThat(codes(check(List.of(empty)))).containsExactly("2:姓名:required", "2:性别:required", "2:出生日期:required",
                "2:公民身份号码:required", "2:所在党组织ID:required", "2:人员类别:required", "2:入党日期:required");
        RosterRow odd = new RosterRow(3, "张", "M", null, "1980/5/5", TestIds.nationalId(BIRTH), "12345", null, "branch",
                "积极分子", "2000.7.1", null);
        assertThat(codes(check(List.of(odd)))).containsExactly("3:性别:not-allowed", "3:手机号码:phone-invalid",
                "3:人员类别:not-allowed");
    }
}
