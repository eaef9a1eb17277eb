package party.member.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.member.member.Education;
import party.member.member.Member;
import party.member.member.Occupation;
import party.member.member.TestIds;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import tools.jackson.databind.JsonNode;

class RosterImportIT extends RosterTestSupport {

    private static final String REGISTERED = "party.member.registered.v1";

    @Test
    void aValidSheetRegistersEveryMemberEncryptedAndAnnouncesEach() {
        Tree tree = tree();
        LocalDate b1 = LocalDate.of(1985, 3, 14);
        LocalDate b2 = LocalDate.of(1999, 11, 2);
        String id1 = TestIds.nationalId(b1);
        String id2 = TestIds.nationalIdEndingInX(b2).toLowerCase();
        byte[] xlsx = sheet(List.of(
                withWork(row("王芳", "女", "汉族", "1985-03-14", id1, "13912345678", "大学本科", tree.branchA(), "正式党员",
                        "2008-06-20", "2009-06-20"), "山东济南", "兖矿集团选煤厂", "技术员", "专业技术人员"),
                row("李强", "男", "回族", "1999/11/2", id2, "", "大专", tree.branchB(), "预备党员", "2025-01-10", null)));

        Res res = upload(staff(tree), xlsx);

        assertThat(res.status()).as(res.body()).isEqualTo(201);
        assertThat(res.json().path("created").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        res.json().path("ids").forEach(id -> ids.add(id.asString()));
        assertThat(ids).hasSize(2);
        assertThat(membersIn(tree)).isEqualTo(2);

        Document first = db.findById(ids.get(0), Document.class, Member.COLLECTION);
        assertThat(first.getString("name")).isEqualTo("王芳");
        assertThat(first.getString("orgId")).isEqualTo(tree.branchA());
        assertThat(first.getString("status")).isEqualTo("FULL");
        assertThat(first.toJson()).doesNotContain(id1).doesNotContain("13912345678");
        assertThat(first.get("nationalIdIndex")).isNotNull();
        // The sheet's profile and 转正日期 are the member's own.
        Member wang = db.findById(ids.get(0), Member.class);
        assertThat(wang.getEthnicity()).isEqualTo("汉族");
        assertThat(wang.getEducation()).isEqualTo(Education.UNDERGRADUATE);
        assertThat(wang.getNativePlace()).isEqualTo("山东济南");
        assertThat(wang.getWorkUnit()).isEqualTo("兖矿集团选煤厂");
        assertThat(wang.getPosition()).isEqualTo("技术员");
        assertThat(wang.getOccupation()).isEqualTo(Occupation.PROFESSIONAL_TECHNICAL);
        assertThat(wang.getFullMembershipDate()).isEqualTo(LocalDate.of(2009, 6, 20));
        assertThat(wang.getGroupId()).isNull();
        Document second = db.findById(ids.get(1), Document.class, Member.COLLECTION);
        assertThat(second.getString("status")).isEqualTo("PROBATIONARY");
        assertThat(second.getString("birthDate")).isEqualTo("1999-11-02");
        assertThat(second.getString("ethnicity")).isEqualTo("回族");
        assertThat(second.getString("education")).isEqualTo("JUNIOR_COLLEGE");
        assertThat(second.get("occupation")).isNull();
        assertThat(second.get("fullMembershipDate")).isNull();
        assertThat(db.collectionExists("member_roster_profiles")).isFalse();

        // Nothing stays invisible once the import answered.
        RosterImport journal = db.findById(res.json().path("importId").asString(), RosterImport.class);
        assertThat(journal.state()).isEqualTo(RosterImport.State.DONE);
        assertThat(journal.memberIds()).isEqualTo(ids);
        assertThat(db.findById(RosterStaging.chunkId(journal.id(), 0), Document.class, RosterStaging.STAGING)).isNull();

        for (String id : ids) {
            ConsumerRecord<String, String> event = published(r -> id.equals(r.key())
                    && REGISTERED.equals(TestEvents.header(r, CloudEvents.TYPE)));
            assertThat(TestContracts.violations(REGISTERED, event.value())).as(event.value()).isEmpty();
            assertThat(event.value()).doesNotContain("王芳").doesNotContain(id1);
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstImportAndCreatesNothingMore() {
        Tree tree = tree();
        LocalDate birth = LocalDate.of(1992, 4, 4);
        byte[] xlsx = sheet(List.<List<String>>of(row("孙", "男", "汉族", "1992-04-04", TestIds.nationalId(birth), null,
                null, tree.branchA(), "预备党员", "2024-07-01", null)));
        String key = "roster-" + tree.committee();

        Res first = upload(staff(tree), xlsx, "Idempotency-Key", key);
        Res retry = upload(staff(tree), xlsx, "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(retry.json().path("ids")).isEqualTo(first.json().path("ids"));
        assertThat(membersIn(tree)).isEqualTo(1);
    }

    @Test
    void aSheetWithBadRowsIsRejectedWholeWithAReportPerRowAndNothingIsStoredOrPublished() {
        Tree tree = tree();
        LocalDate birth = LocalDate.of(1980, 5, 5);
        String good = TestIds.nationalId(birth);
        String registered = TestIds.nationalId(birth);
        // One member is in the registry already.
        byte[] first = sheet(List.<List<String>>of(row("已登记", "男", "汉族", "1980-05-05", registered, null, null,
                tree.branchA(), "正式党员", "2000-07-01", null)));
        assertThat(upload(staff(tree), first).status()).isEqualTo(201);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        byte[] xlsx = sheet(List.of(
                row("甲", "男", "汉族", "1980-05-05", good, null, null, tree.branchA(), "正式党员", "2000-07-01", null),
                row("乙", "男", "汉族", "1980-05-05", badCheck, null, null, tree.branchA(), "正式党员", "2000-07-01", null),
                row("丙", "男", "汉族", "1980-05-05", good, null, null, tree.branchA(), "正式党员", "2000-07-01", null),
                row("丁", "男", "汉族", "1980-05-05", registered, null, null, tree.branchA(), "正式党员", "2000-07-01", null),
                row("戊", "男", "汉族", "1980-05-05", TestIds.nationalId(birth), null, null, tree.dissolved(), "正式党员",
                        "2000-07-01", null),
                row("己", "男", "汉族", "1980-05-05", TestIds.nationalId(birth), null, null, tree.branchB(), "正式党员",
                        tomorrow, null),
                row("庚", "男", "汉族", "1980-05-05", TestIds.nationalId(birth), null, null, tree.branchB(), "正式党员",
                        "2000-07-01", "2000-01-01"),
                row("辛", "未知", "汉族", "1980-05-05", TestIds.nationalId(birth), null, null, tree.general(), "党员",
                        "2000-07-01", null)));

        Res res = upload(staff(tree), xlsx, "Accept-Language", "zh-CN");

        assertThat(res.status()).as(res.body()).isEqualTo(422);
        assertThat(res.problem()).isEqualTo("roster-rejected");
        List<String> found = new ArrayList<>();
        for (JsonNode p : res.json().path("rows")) {
            found.add(p.path("row").asInt() + ":" + p.path("column").asString() + ":" + p.path("code").asString());
            assertThat(p.path("message").asString()).isNotBlank();
        }
        assertThat(found).containsExactlyInAnyOrder(
                "3:公民身份号码:national-id-invalid",
                "4:公民身份号码:national-id-duplicate-in-sheet",
                "5:公民身份号码:national-id-registered",
                "6:所在党组织ID:org-dissolved",
                "7:入党日期:date-in-future",
                "8:转正日期:full-not-after-joined",
                "9:性别:not-allowed",
                "9:所在党组织ID:org-not-branch",
                "9:人员类别:not-allowed");
        JsonNode duplicate = res.json().path("rows").get(1);
        assertThat(duplicate.path("message").asString()).contains("第 2 行");
        assertThat(res.body()).doesNotContain(good).doesNotContain(registered);

        assertThat(membersIn(tree)).isEqualTo(1);
        assertThat(db.count(new Query(), RosterStaging.STAGING)).isZero();
        // Only the member registered before announced anything.
        published(r -> REGISTERED.equals(TestEvents.header(r, CloudEvents.TYPE))
                && tree.branchA().equals(JSON.readTree(r.value()).path("orgId").asString()));
        assertThat(publishedFor(tree)).hasSize(1);
    }

    @Test
    void anUnknownEducationEthnicityOrOccupationIsAnErrorOfItsRowAndNothingIsImported() {
        Tree tree = tree();
        LocalDate birth = LocalDate.of(1986, 6, 6);
        byte[] xlsx = sheet(List.of(
                withWork(row("甲", "男", "汉族", "1986-06-06", TestIds.nationalId(birth), null, "研究生", tree.branchA(),
                        "正式党员", "2010-07-01", null), null, null, null, "工人"),
                row("乙", "男", "汉族", "1986-06-06", TestIds.nationalId(birth), null, "大学", tree.branchA(), "正式党员",
                        "2010-07-01", null),
                withWork(row("丙", "女", "火星族", "1986-06-06", TestIds.nationalId(birth), null, "高中/中技",
                        tree.branchA(), "正式党员", "2010-07-01", null), null, null, null, "宇航员")));

        Res res = upload(staff(tree), xlsx, "Accept-Language", "zh-CN");

        assertThat(res.status()).as(res.body()).isEqualTo(422);
        assertThat(res.problem()).isEqualTo("roster-rejected");
        List<String> found = new ArrayList<>();
        res.json().path("rows").forEach(p -> found.add(p.path("row").asInt() + ":" + p.path("column").asString() + ":"
                + p.path("code").asString() + ":" + p.path("value").asString()));
        assertThat(found).containsExactlyInAnyOrder("3:学历:not-allowed:大学", "4:民族:not-allowed:火星族",
                "4:职业:not-allowed:宇航员");
        assertThat(res.json().path("rows").get(0).path("message").asString()).contains("大学");
        assertThat(membersIn(tree)).isZero();
    }

    @Test
    void aSheetOfTheOriginalElevenColumnsStillImports() {
        Tree tree = tree();
        LocalDate birth = LocalDate.of(1977, 7, 7);
        byte[] xlsx = sheet(RosterSheet.COLUMNS.subList(0, RosterSheet.REQUIRED_COLUMNS), List.<List<String>>of(
                row("周", "男", "壮族", "1977-07-07", TestIds.nationalId(birth), null, "中专", tree.branchB(), "正式党员",
                        "2001-07-01", "2002-07-01")));

        Res res = upload(staff(tree), xlsx);

        assertThat(res.status()).as(res.body()).isEqualTo(201);
        Member zhou = db.findById(res.json().path("ids").get(0).asString(), Member.class);
        assertThat(zhou.getEthnicity()).isEqualTo("壮族");
        assertThat(zhou.getEducation()).isEqualTo(Education.SECONDARY_VOCATIONAL);
        assertThat(zhou.getOccupation()).isNull();
        assertThat(zhou.getNativePlace()).isNull();
    }

    @Test
    void onlyTheDepartmentImportsAndOnlyIntoBranchesItManages() {
        Tree tree = tree();
        Tree other = tree();
        LocalDate birth = LocalDate.of(1970, 1, 1);
        byte[] xlsx = sheet(List.<List<String>>of(row("张", "男", "汉族", "1970-01-01", TestIds.nationalId(birth), null,
                null, tree.branchA(), "正式党员", "1995-07-01", null)));

        Res bySecretary = upload(secretary(tree.branchA()), xlsx);
        assertThat(bySecretary.status()).isEqualTo(403);

        Res byOtherStaff = upload(staff(other), xlsx);
        assertThat(byOtherStaff.status()).as(byOtherStaff.body()).isEqualTo(422);
        assertThat(byOtherStaff.json().path("rows").get(0).path("code").asString()).isEqualTo("org-unavailable");

        Res unreadable = upload(staff(tree), "not a workbook".getBytes());
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.problem()).isEqualTo("roster-unreadable");
        assertThat(membersIn(tree)).isZero();
    }
}
