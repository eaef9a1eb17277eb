package party.organization.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import party.organization.organization.OrganizationType;

class ImportPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final ImportPlan.Existing COMMITTEE = new ImportPlan.Existing("c-1", OrganizationType.COMMITTEE,
            List.of(), true, true);
    private static final ImportPlan.Existing FOREIGN = new ImportPlan.Existing("x-1", OrganizationType.COMMITTEE,
            List.of(), true, false);

    private static SheetRow row(int n, String name, String code, String category, String parent, String date) {
        return new SheetRow(n, name, code, category, parent, date);
    }

    private static ImportPlan.Result plan(List<SheetRow> rows, boolean admin) {
        Map<String, ImportPlan.Existing> db = Map.of("C", COMMITTEE, "X", FOREIGN);
        return ImportPlan.of(rows, code -> Optional.ofNullable(db.get(code)), admin, TODAY);
    }

    @Test
    void parentsComeFirstAndChildrenGetTheirAncestors() {
        ImportPlan.Result result = plan(List.of(
                row(2, "第一党小组", "G1", "党小组", "B1", ""),
                row(3, "综采党支部", "B1", "党支部", "GB", "2010-07-01"),
                row(4, "机关党总支", "GB", "党总支", "C", "2008/7/1")), false);
        assertThat(result.errors()).isEmpty();
        assertThat(result.planned()).extracting(ImportPlan.Planned::code).containsExactly("GB", "B1", "G1");
        ImportPlan.Planned group = result.planned().get(2);
        ImportPlan.Planned branch = result.planned().get(1);
        ImportPlan.Planned general = result.planned().get(0);
        assertThat(group.ancestors()).containsExactly("c-1", general.id(), branch.id());
        assertThat(group.parentId()).isEqualTo(branch.id());
        assertThat(general.foundedOn()).isEqualTo(LocalDate.of(2008, 7, 1));
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndNothingIsPlanned() {
        ImportPlan.Result result = plan(List.of(
                row(2, "", "B1", "党支部", "C", ""),
                row(3, "重复", "B1", "党支部", "C", ""),
                row(4, "已有", "C", "党委", "", ""),
                row(5, "类别错", "B2", "支部", "C", ""),
                row(6, "将来", "B3", "党支部", "C", "2027-01-01"),
                row(7, "日期错", "B4", "党支部", "C", "明年"),
                row(8, "无上级", "B5", "党支部", "NOPE", ""),
                row(9, "越权", "B6", "党支部", "X", ""),
                row(10, "错放", "G1", "党小组", "C", ""),
                row(11, "编码错", "编码", "党支部", "C", "")), false);
        assertThat(result.planned()).isEmpty();
        assertThat(result.errors()).extracting(e -> e.row() + ":" + e.code()).containsExactly(
                "2:required", "3:duplicate-in-sheet", "4:code-exists", "5:unknown-category", "6:future-date",
                "7:invalid-date", "8:unknown-parent", "9:unknown-parent", "10:invalid-placement", "11:invalid-code");
    }

    @Test
    void aCycleOfParentCodesIsFoundAndItsRowsReported() {
        ImportPlan.Result result = plan(List.of(
                row(2, "甲", "A", "党委", "B", ""),
                row(3, "乙", "B", "党委", "A", ""),
                row(4, "丙", "K", "党支部", "A", "")), true);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(ImportPlan.RowError::row).containsExactly(2, 3, 4);
        assertThat(result.errors()).extracting(ImportPlan.RowError::code).contains("cycle", "parent-not-placed");
    }

    @Test
    void onlyAnAdminImportsARoot() {
        List<SheetRow> root = List.of(row(2, "新党委", "N", "党委", "", ""));
        assertThat(plan(root, false).errors()).extracting(ImportPlan.RowError::code).containsExactly("root-requires-admin");
        assertThat(plan(root, true).planned()).singleElement().satisfies(p -> assertThat(p.ancestors()).isEmpty());
        assertThat(plan(List.of(row(2, "根支部", "R", "党支部", "", "")), true).errors())
                .extracting(ImportPlan.RowError::code).containsExactly("invalid-placement");
    }
}
