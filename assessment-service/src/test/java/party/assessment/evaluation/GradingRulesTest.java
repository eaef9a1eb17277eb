package party.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import party.assessment.config.AssessmentProperties;

/** Thresholds 90/80/60 and the rules: satisfaction below 90% (or unknown) caps at 一般, a veto gives 差. */
class GradingRulesTest {

    private final GradingRules rules = new GradingRules(new AssessmentProperties.Grading(null, null, null, null, null));

    @Test
    void thresholdsAtTheirBoundaries() {
        BigDecimal full = BigDecimal.ONE;
        assertThat(rules.grade(new BigDecimal("90"), full, false).grade()).isEqualTo(Grade.GOOD);
        assertThat(rules.grade(new BigDecimal("89.99"), full, false).grade()).isEqualTo(Grade.FAIRLY_GOOD);
        assertThat(rules.grade(new BigDecimal("80"), full, false).grade()).isEqualTo(Grade.FAIRLY_GOOD);
        assertThat(rules.grade(new BigDecimal("79.99"), full, false).grade()).isEqualTo(Grade.AVERAGE);
        assertThat(rules.grade(new BigDecimal("60"), full, false).grade()).isEqualTo(Grade.AVERAGE);
        assertThat(rules.grade(new BigDecimal("59.99"), full, false).grade()).isEqualTo(Grade.POOR);
    }

    @Test
    void satisfactionAndVetoRules() {
        assertThat(rules.grade(new BigDecimal("95"), new BigDecimal("0.90"), false).grade()).isEqualTo(Grade.GOOD);
        GradingRules.Outcome low = rules.grade(new BigDecimal("95"), new BigDecimal("0.8999"), false);
        assertThat(low.grade()).isEqualTo(Grade.AVERAGE);
        assertThat(low.appliedRules()).containsExactly("SATISFACTION_BELOW_MINIMUM");
        assertThat(rules.grade(new BigDecimal("85"), null, false).grade()).isEqualTo(Grade.AVERAGE);
        assertThat(rules.grade(new BigDecimal("70"), new BigDecimal("0.5"), false).appliedRules()).isEmpty();
        assertThat(rules.grade(new BigDecimal("99"), BigDecimal.ONE, true).grade()).isEqualTo(Grade.POOR);
        assertThat(rules.withinRules(Grade.GOOD, rules.grade(new BigDecimal("99"), BigDecimal.ONE, false))).isTrue();
        assertThat(rules.withinRules(Grade.GOOD, low)).isFalse();
    }

    @Test
    void thresholdsAreConfigurable() {
        GradingRules strict = new GradingRules(new AssessmentProperties.Grading(new BigDecimal("95"), new BigDecimal("85"),
                new BigDecimal("70"), new BigDecimal("0.95"), null));
        assertThat(strict.grade(new BigDecimal("94"), BigDecimal.ONE, false).grade()).isEqualTo(Grade.FAIRLY_GOOD);
        assertThat(strict.grade(new BigDecimal("96"), new BigDecimal("0.94"), false).grade()).isEqualTo(Grade.AVERAGE);
        assertThat(strict.grade(new BigDecimal("69"), BigDecimal.ONE, false).grade()).isEqualTo(Grade.POOR);
    }
}
