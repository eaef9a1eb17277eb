package party.assessment.inspection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import party.assessment.template.Metric;
import party.assessment.template.Source;

/**
 * A branch's score for a period as shown: every indicator with its score, the automatic ones with the
 * figures they came from, the bonus, penalty and veto items applied, and the totals.
 */
public record ScoreView(String sheetId, String orgId, String orgName, String period, InspectionKind kind, SheetStatus status,
                        String templateId, List<Line> indicators, List<Applied> bonuses, List<Applied> penalties,
                        List<Applied> vetoes, Totals totals, long version) {

    /**
     * One indicator's line.
     *
     * @param scored for a manual indicator, whether an inspector scored it (unscored counts in full:
     *               inspectors record deductions)
     * @param figures for an automatic indicator, what its score came from
     */
    public record Line(String aspectCode, String code, String name, Source source, Metric metric, BigDecimal maxScore,
                       BigDecimal score, boolean scored, String comment, BigDecimal ratio, Map<String, Object> figures) {
    }

    public record Applied(String code, String name, BigDecimal points, String reason) {
    }

    /** {@code total} is manual + automatic + bonus − penalty, at least 0, and 0 when a veto applies. */
    public record Totals(BigDecimal manual, BigDecimal automatic, BigDecimal bonus, BigDecimal penalty, boolean vetoed,
                         BigDecimal total) {
    }
}
