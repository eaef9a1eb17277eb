package party.assessment.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import party.assessment.config.Orgs;
import party.assessment.evaluation.EvaluationService;
import party.assessment.evaluation.Grade;
import party.assessment.inspection.InspectionService;
import party.assessment.inspection.ScoreSheet;
import party.assessment.rectification.RectificationService;
import party.platform.audit.AuditLog;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;

/** The year's report of a subtree: grade distribution, ranked average period scores, rectification figures. */
@Service
public class ReportService {

    static final Map<Grade, String> LABELS = Map.of(Grade.GOOD, "好", Grade.FAIRLY_GOOD, "较好", Grade.AVERAGE, "一般",
            Grade.POOR, "差");

    private final Orgs orgs;
    private final EvaluationService evaluations;
    private final InspectionService inspections;
    private final RectificationService rectifications;
    private final AuditLog audit;

    ReportService(Orgs orgs, EvaluationService evaluations, InspectionService inspections, RectificationService rectifications,
                  AuditLog audit) {
        this.orgs = orgs;
        this.evaluations = evaluations;
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.audit = audit;
    }

    /**
     * @param closedPeriods closed spot checks and inspections of the year
     * @param averageScore their average total (null without any)
     * @param rank by average score, highest first; ties share a rank; null without a score
     */
    public record BranchScore(String orgId, String orgName, int closedPeriods, BigDecimal averageScore, Integer rank) {
    }

    public record YearReport(String orgId, String orgName, int year, EvaluationService.Distribution grades,
                             List<BranchScore> scores, RectificationService.Summary rectification) {
    }

    public YearReport report(String orgId, int year, CurrentUser user) {
        OrgNode org = orgs.visible(orgId, user);
        List<OrgNode> branches = orgs.branchesIn(org.id());
        Map<String, List<ScoreSheet>> sheets = new LinkedHashMap<>();
        branches.forEach(b -> sheets.put(b.id(), new ArrayList<>()));
        inspections.closedSheets(branches.stream().map(OrgNode::id).toList(), year)
                .forEach(s -> sheets.computeIfAbsent(s.getOrgId(), k -> new ArrayList<>()).add(s));
        List<BranchScore> scores = new ArrayList<>();
        for (OrgNode branch : branches) {
            List<ScoreSheet> own = sheets.get(branch.id());
            scores.add(new BranchScore(branch.id(), branch.name(), own.size(), EvaluationService.average(own), null));
        }
        scores.sort(Comparator.comparing(BranchScore::averageScore, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(BranchScore::orgId));
        List<BranchScore> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            BranchScore s = scores.get(i);
            Integer rank = s.averageScore() == null ? null
                    : i > 0 && s.averageScore().equals(scores.get(i - 1).averageScore()) ? ranked.get(i - 1).rank() : Integer.valueOf(i + 1);
            ranked.add(new BranchScore(s.orgId(), s.orgName(), s.closedPeriods(), s.averageScore(), rank));
        }
        return new YearReport(org.id(), org.name(), year, evaluations.distribution(org, year), ranked,
                rectifications.summary(org.id(), year, user));
    }

    /** The same report as an Excel workbook of three sheets. */
    public byte[] excel(String orgId, int year, CurrentUser user) {
        YearReport report = report(orgId, year, user);
        audit.record(user.id(), "assessment.report.export", report.orgId(), String.valueOf(year), "ALLOWED");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet grades = book.createSheet("评估定级");
            row(grades, 0, "支部", "等级", "上级调整");
            int r = 1;
            for (EvaluationService.BranchGrade g : report.grades().items()) {
                row(grades, r++, name(g.orgName(), g.orgId()), g.grade() == null ? "未定级" : LABELS.get(g.grade()),
                        g.overridden() ? "是" : "");
            }
            r++;
            for (Grade g : Grade.values()) {
                row(grades, r++, LABELS.get(g), String.valueOf(report.grades().counts().get(g)));
            }
            row(grades, r, "未定级", String.valueOf(report.grades().ungraded()));

            Sheet scores = book.createSheet("量化考核");
            row(scores, 0, "排名", "支部", "已关闭考核期数", "平均得分");
            r = 1;
            for (BranchScore s : report.scores()) {
                row(scores, r++, s.rank() == null ? "" : String.valueOf(s.rank()), name(s.orgName(), s.orgId()),
                        String.valueOf(s.closedPeriods()), s.averageScore() == null ? "" : s.averageScore().toPlainString());
            }

            Sheet rect = book.createSheet("整改");
            row(rect, 0, "组织", "总数", "未开始", "整改中", "已完成", "已验收", "逾期", "完成率");
            r = 1;
            List<RectificationService.Figures> rows = new ArrayList<>(report.rectification().organizations());
            rows.add(report.rectification().subtree());
            for (RectificationService.Figures f : rows) {
                row(rect, r++, name(f.name(), f.orgId()), String.valueOf(f.total()), String.valueOf(f.open()),
                        String.valueOf(f.inProgress()), String.valueOf(f.done()), String.valueOf(f.verified()),
                        String.valueOf(f.overdue()), f.closureRate() == null ? "" : f.closureRate());
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(String name, String id) {
        return name == null ? id : name;
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
