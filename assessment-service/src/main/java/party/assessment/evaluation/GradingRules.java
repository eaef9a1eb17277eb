package party.assessment.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import party.assessment.config.AssessmentProperties;

/**
 * The grade the rules give (local and configurable, DOMAIN.md): by score thresholds (90/80/60), no
 * 好 or 较好 with a satisfaction rate below the minimum (or without any survey answer), and 差 when a
 * veto item applied in a period of the year.
 */
public final class GradingRules {

    private final AssessmentProperties.Grading grading;

    public GradingRules(AssessmentProperties.Grading grading) {
        this.grading = grading;
    }

    /** The computed grade and the rules that capped it, if any. */
    public record Outcome(Grade grade, List<String> appliedRules) {
    }

    public Outcome grade(BigDecimal score, BigDecimal satisfactionRate, boolean vetoed) {
        List<String> rules = new ArrayList<>();
        Grade grade;
        if (score.compareTo(grading.good()) >= 0) {
            grade = Grade.GOOD;
        } else if (score.compareTo(grading.fairlyGood()) >= 0) {
            grade = Grade.FAIRLY_GOOD;
        } else if (score.compareTo(grading.average()) >= 0) {
            grade = Grade.AVERAGE;
        } else {
            grade = Grade.POOR;
        }
        if (grade.top() && (satisfactionRate == null || satisfactionRate.compareTo(grading.minSatisfactionForTop()) < 0)) {
            grade = Grade.AVERAGE;
            rules.add("SATISFACTION_BELOW_MINIMUM");
        }
        if (vetoed && grade != Grade.POOR) {
            grade = Grade.POOR;
            rules.add("VETO");
        }
        return new Outcome(grade, rules);
    }

    /** Whether a grade is allowed without an override reason: it is the computed one. */
    public boolean withinRules(Grade requested, Outcome outcome) {
        return requested == outcome.grade();
    }
}
