package party.training.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.training.ledger.CreditEntry;
import party.training.ledger.MemberProgress;
import party.training.ledger.ProgressService;
import party.training.session.SessionMode;
import party.training.session.SessionService;
import party.training.session.SessionStatus;
import party.training.session.TrainingSession;
import party.training.support.Hours;
import party.training.support.Scopes;

/** Yearly reports per subtree: sessions held, hours delivered, completion; and their Excel export. */
@Service
public class ReportService {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MongoTemplate mongo;
    private final Scopes scopes;
    private final SessionService sessions;
    private final ProgressService progress;

    ReportService(MongoTemplate mongo, Scopes scopes, SessionService sessions, ProgressService progress) {
        this.mongo = mongo;
        this.scopes = scopes;
        this.sessions = sessions;
        this.progress = progress;
    }

    public YearlyReport yearly(String orgId, Integer year, CurrentUser user) {
        int y = progress.year(year);
        OrgNode root = scopes.visible(orgId, user, "organization");
        List<String> subtree = scopes.visibleSubtree(orgId, user);
        List<TrainingSession> all = sessions.inYear(subtree, y);
        Map<String, Long> heldBy = new HashMap<>();
        long planned = 0;
        long held = 0;
        long cancelled = 0;
        for (TrainingSession s : all) {
            if (s.getStatus() == SessionStatus.CANCELLED) {
                cancelled++;
                continue;
            }
            planned++;
            if (s.getStatus() == SessionStatus.HELD && s.getMode() != SessionMode.RECORDED) {
                held++;
                heldBy.merge(s.getOrgId(), 1L, Long::sum);
            }
        }
        Query query = Query.query(Criteria.where("orgId").in(subtree).and("year").is(y));
        query.fields().include("orgId", "centiHours", "source");
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> hoursBy = new HashMap<>();
        long total = 0;
        for (Document entry : mongo.find(query, Document.class, CreditEntry.COLLECTION)) {
            long centi = entry.get("centiHours", Number.class).longValue();
            total += centi;
            bySource.merge(entry.getString("source"), centi, Long::sum);
            hoursBy.merge(entry.getString("orgId"), centi, Long::sum);
        }
        List<MemberProgress> members = progress.subtreeProgress(orgId, y, user);
        Map<String, long[]> membersBy = new HashMap<>();
        for (MemberProgress p : members) {
            long[] counts = membersBy.computeIfAbsent(p.orgId(), k -> new long[2]);
            counts[0]++;
            counts[1] += p.completed() ? 1 : 0;
        }
        List<YearlyReport.PerOrganization> organizations = new ArrayList<>();
        for (OrgNode node : mongo.find(Query.query(Criteria.where("_id").in(subtree)), OrgNode.class)) {
            long[] counts = membersBy.getOrDefault(node.id(), new long[2]);
            long orgHeld = heldBy.getOrDefault(node.id(), 0L);
            long orgHours = hoursBy.getOrDefault(node.id(), 0L);
            if (counts[0] == 0 && orgHeld == 0 && orgHours == 0) {
                continue;
            }
            organizations.add(new YearlyReport.PerOrganization(node.id(), node.name(), node.type(), orgHeld, counts[0], counts[1],
                    ProgressService.rate(counts[1], counts[0]), Hours.decimal(orgHours)));
        }
        organizations.sort(java.util.Comparator.comparing(YearlyReport.PerOrganization::orgId));
        long completed = members.stream().filter(MemberProgress::completed).count();
        Map<String, BigDecimal> sources = new LinkedHashMap<>();
        bySource.forEach((k, v) -> sources.put(k, Hours.decimal(v)));
        return new YearlyReport(root.id(), root.name(), y, planned, held, cancelled, Hours.decimal(total), sources, members.size(),
                completed, ProgressService.rate(completed, members.size()), organizations);
    }

    /** The report as a workbook: a summary sheet, one row per organization, and the members behind target. */
    public byte[] excel(String orgId, Integer year, CurrentUser user) {
        YearlyReport report = yearly(orgId, year, user);
        List<MemberProgress> behind = progress.subtreeProgress(orgId, report.year(), user).stream()
                .filter(p -> !p.completed()).toList();
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet summary = book.createSheet("年度培训汇总");
            row(summary, 0, "组织", report.orgName());
            row(summary, 1, "年度", String.valueOf(report.year()));
            row(summary, 2, "计划场次", String.valueOf(report.sessionsPlanned()));
            row(summary, 3, "已举办场次", String.valueOf(report.sessionsHeld()));
            row(summary, 4, "取消场次", String.valueOf(report.sessionsCancelled()));
            row(summary, 5, "学时合计", report.hoursDelivered().toPlainString());
            row(summary, 6, "党员人数", String.valueOf(report.members()));
            row(summary, 7, "达标人数", String.valueOf(report.completed()));
            row(summary, 8, "达标率", report.completionRate().toPlainString());
            int r = 9;
            for (Map.Entry<String, BigDecimal> source : report.hoursBySource().entrySet()) {
                row(summary, r++, "学时（" + source.getKey() + "）", source.getValue().toPlainString());
            }
            Sheet orgs = book.createSheet("各组织");
            row(orgs, 0, "组织ID", "组织名称", "类型", "已举办场次", "党员人数", "达标人数", "达标率", "学时");
            r = 1;
            for (YearlyReport.PerOrganization o : report.organizations()) {
                row(orgs, r++, o.orgId(), o.name(), o.type(), String.valueOf(o.sessionsHeld()), String.valueOf(o.members()),
                        String.valueOf(o.completed()), o.completionRate().toPlainString(), o.hoursDelivered().toPlainString());
            }
            Sheet late = book.createSheet("未达标党员");
            row(late, 0, "党员ID", "所在支部", "已获学时", "目标学时", "差额");
            r = 1;
            for (MemberProgress p : behind) {
                row(late, r++, p.memberId(), p.orgId(), p.totalHours().toPlainString(), p.targetHours().toPlainString(),
                        p.remainingHours().toPlainString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }
}
