package party.member.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.member.member.TestIds;
import party.platform.security.Roles;

class RosterExportIT extends RosterTestSupport {

    private static final String AUDIT = "audit_log";

    private String nationalId;

    private Tree imported() {
        Tree tree = tree();
        LocalDate birth = LocalDate.of(1975, 8, 9);
        nationalId = TestIds.nationalId(birth);
        byte[] xlsx = sheet(List.of(
                withWork(row("赵敏", "女", "满族", "1975-08-09", nationalId, "13700001234", "研究生", tree.branchA(),
                        "正式党员", "1998-07-01", "1999-07-01"), "辽宁沈阳", "沈阳市卫生健康委员会", "科长", "党政机关工作人员"),
                row("钱进", "男", "汉族", "1990-02-02", TestIds.nationalId(LocalDate.of(1990, 2, 2)), null, null,
                        tree.branchB(), "预备党员", "2025-06-01", null)));
        Res res = upload(staff(tree), xlsx);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return tree;
    }

    @Test
    void theExportMasksNumbersByPositionAndIsTheSheetThatWasImported() throws IOException {
        Tree tree = imported();

        Res res = download("/api/v1/members/export?orgId=" + tree.committee(), staff(tree));

        assertThat(res.status()).as(res.body()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith(RosterSheet.MEDIA_TYPE);
        List<RosterRow> rows = RosterSheet.read(new ByteArrayInputStream(res.bytes()));
        assertThat(rows).hasSize(2);
        RosterRow zhao = rows.stream().filter(r -> r.name().equals("赵敏")).findFirst().orElseThrow();
        assertThat(zhao.nationalId()).isNotEqualTo(nationalId).contains("*")
                .startsWith(nationalId.substring(0, 1)).endsWith(nationalId.substring(17));
        assertThat(zhao.phone()).isNotEqualTo("13700001234").contains("*").endsWith("1234");
        assertThat(List.of(zhao.gender(), zhao.ethnicity(), zhao.birthDate(), zhao.education(), zhao.orgId(),
                zhao.category(), zhao.joinedAt(), zhao.fullMembershipDate()))
                .containsExactly("女", "满族", "1975-08-09", "研究生", tree.branchA(), "正式党员", "1998-07-01", "1999-07-01");
        assertThat(List.of(zhao.nativePlace(), zhao.workUnit(), zhao.position(), zhao.occupation()))
                .containsExactly("辽宁沈阳", "沈阳市卫生健康委员会", "科长", "党政机关工作人员");
        RosterRow qian = rows.stream().filter(r -> r.name().equals("钱进")).findFirst().orElseThrow();
        assertThat(List.of(qian.education(), qian.occupation(), qian.fullMembershipDate())).containsExactly("", "", "");
        assertThat(audit(tree)).isEmpty();

        // A branch's export has only its members.
        Res branch = download("/api/v1/members/export?orgId=" + tree.branchB(), staff(tree));
        assertThat(RosterSheet.read(new ByteArrayInputStream(branch.bytes()))).extracting(RosterRow::name)
                .containsExactly("钱进");
    }

    @Test
    void unmaskedNeedsPiiReadAndEveryAttemptIsAudited() throws IOException {
        Tree tree = imported();

        Res refused = download("/api/v1/members/export?unmasked=true&orgId=" + tree.committee(), staff(tree),
                "Accept", "application/problem+json");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problem()).isEqualTo("pii-read-forbidden");
        assertThat(audit(tree)).extracting(d -> d.getString("outcome")).containsExactly("DENIED");

        Res allowed = download("/api/v1/members/export?unmasked=true&orgId=" + tree.committee(),
                staff(tree, Roles.PII_READ));
        assertThat(allowed.status()).isEqualTo(200);
        RosterRow zhao = RosterSheet.read(new ByteArrayInputStream(allowed.bytes())).stream()
                .filter(r -> r.name().equals("赵敏")).findFirst().orElseThrow();
        assertThat(zhao.nationalId()).isEqualTo(nationalId);
        assertThat(zhao.phone()).isEqualTo("13700001234");
        List<Document> entries = audit(tree);
        assertThat(entries).extracting(d -> d.getString("outcome")).containsExactlyInAnyOrder("DENIED", "ALLOWED");
        assertThat(entries).allSatisfy(d -> {
            assertThat(d.getString("action")).isEqualTo(RosterService.EXPORT_UNMASKED_ACTION);
            assertThat(d.getString("actor")).isEqualTo("staff-" + tree.committee());
        });
    }

    @Test
    void aSecretaryExportsOnlyTheirOwnBranch() {
        Tree tree = imported();

        assertThat(download("/api/v1/members/export?orgId=" + tree.branchA(), secretary(tree.branchA())).status())
                .isEqualTo(200);
        Res other = download("/api/v1/members/export?orgId=" + tree.branchB(), secretary(tree.branchA()),
                "Accept", "application/problem+json");
        assertThat(other.status()).isEqualTo(403);
        assertThat(download("/api/v1/members/export?orgId=nope-" + tree.branchA(), staff(tree),
                "Accept", "application/problem+json").status()).isEqualTo(404);
    }

    private List<Document> audit(Tree tree) {
        return db.find(Query.query(Criteria.where("orgId").is(tree.committee())
                .and("action").is(RosterService.EXPORT_UNMASKED_ACTION)), Document.class, AUDIT);
    }
}
