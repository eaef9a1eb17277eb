package party.assessment.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import party.assessment.template.Metric;

/**
 * What a metric says about a branch in a period: a ratio from 0 to 1 (the share of the indicator's
 * maximum score earned) and the figures it came from, shown beside the automatic score.
 */
public record AutomaticResult(Metric metric, BigDecimal ratio, Map<String, Object> figures) {

    public static AutomaticResult of(Metric metric, long achieved, long required, Map<String, Object> figures) {
        BigDecimal ratio = required <= 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(Math.min(achieved, required)).divide(BigDecimal.valueOf(required), 4, RoundingMode.HALF_UP);
        return new AutomaticResult(metric, ratio, figures);
    }

    public BigDecimal scoreOf(BigDecimal maxScore) {
        return maxScore.multiply(ratio).setScale(2, RoundingMode.HALF_UP);
    }
}
