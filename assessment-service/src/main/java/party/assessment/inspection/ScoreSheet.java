package party.assessment.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import party.assessment.calendar.Period;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * The score sheet of one branch for one period (a month's spot check or a quarter's inspection),
 * against the template version active when scoring began. Id {@code orgId|period}: one per branch
 * and period. Once closed nothing changes, and the automatic scores are frozen with their figures.
 */
@Document(ScoreSheet.COLLECTION)
public class ScoreSheet extends Aggregate {

    public static final String COLLECTION = "score_sheets";

    private String orgId;
    private String period;
    private InspectionKind kind;
    private String templateId;
    private SheetStatus status;
    private Map<String, ManualScore> manual = new LinkedHashMap<>();
    private Map<String, Adjustment> bonuses = new LinkedHashMap<>();
    private Map<String, Adjustment> penalties = new LinkedHashMap<>();
    private Map<String, Veto> vetoes = new LinkedHashMap<>();
    private List<ScoreView.Line> frozenAutomatic;
    private ScoreView.Totals frozenTotals;
    private String closedBy;
    private Instant closedAt;

    /** An inspector's score of a manual indicator; a deduction carries its comment. */
    public record ManualScore(BigDecimal score, String comment, String by, Instant at) {
    }

    public record Adjustment(BigDecimal points, String reason, String by, Instant at) {
    }

    public record Veto(String reason, String by, Instant at) {
    }

    ScoreSheet() {
    }

    static String idOf(String orgId, Period period) {
        return orgId + "|" + period.label();
    }

    static ScoreSheet start(String orgId, Period period, String templateId) {
        ScoreSheet sheet = new ScoreSheet();
        sheet.id = idOf(orgId, period);
        sheet.orgId = orgId;
        sheet.period = period.label();
        sheet.kind = InspectionKind.of(period);
        sheet.templateId = templateId;
        sheet.status = SheetStatus.OPEN;
        return sheet;
    }

    /** Records validated scores (the service checked them against the template). */
    void record(Map<String, ManualScore> scores, Map<String, Adjustment> newBonuses, Map<String, Adjustment> newPenalties,
                Map<String, Veto> newVetoes) {
        requireOpen();
        manual.putAll(scores);
        bonuses.putAll(newBonuses);
        penalties.putAll(newPenalties);
        vetoes.putAll(newVetoes);
        raise(InspectionEvents.SCORES_RECORDED, new InspectionEvents.ScoresRecorded(id, orgId, period, kind.name(), templateId,
                new ArrayList<>(scores.keySet()), (int) scores.values().stream().filter(s -> s.comment() != null).count(),
                newBonuses.size(), newPenalties.size(), newVetoes.size(), nextVersion()));
    }

    void close(List<ScoreView.Line> automatic, ScoreView.Totals totals, String by) {
        requireOpen();
        status = SheetStatus.CLOSED;
        frozenAutomatic = List.copyOf(automatic);
        frozenTotals = totals;
        closedBy = by;
        closedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        raise(InspectionEvents.PERIOD_CLOSED, new InspectionEvents.PeriodClosed(id, orgId, period, kind.name(), templateId,
                totals.manual().toPlainString(), totals.automatic().toPlainString(), totals.bonus().toPlainString(),
                totals.penalty().toPlainString(), totals.vetoed(), totals.total().toPlainString(), nextVersion()));
    }

    void requireOpen() {
        if (status == SheetStatus.CLOSED) {
            throw ApiException.conflict("period-closed", orgId, period);
        }
    }

    public String getOrgId() {
        return orgId;
    }

    public Period getPeriod() {
        return Period.parse(period);
    }

    public InspectionKind getKind() {
        return kind;
    }

    public String getTemplateId() {
        return templateId;
    }

    public SheetStatus getStatus() {
        return status;
    }

    public Map<String, ManualScore> getManual() {
        return manual;
    }

    public Map<String, Adjustment> getBonuses() {
        return bonuses;
    }

    public Map<String, Adjustment> getPenalties() {
        return penalties;
    }

    public Map<String, Veto> getVetoes() {
        return vetoes;
    }

    public List<ScoreView.Line> getFrozenAutomatic() {
        return frozenAutomatic;
    }

    public ScoreView.Totals getFrozenTotals() {
        return frozenTotals;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
