package party.assessment.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local rules of the assessment (DOMAIN.md marks them local: configurable), under {@code party.assessment}.
 *
 * @param grading thresholds and rules of evaluation and grading
 * @param orgLife required frequency per meeting type, in months (1 monthly, 3 quarterly, 12 yearly, 0 not
 *                required); types not named keep the branch work regulations' defaults
 * @param committeeMinFullMembers a branch with this many full members elects a committee and so owes
 *                                committee meetings
 * @param trainingEndMonth the month by which the year's credit-hour target is due (the seed trains March
 *                         to October); progress before it is measured against a linear share
 */
@ConfigurationProperties("party.assessment")
public record AssessmentProperties(Grading grading, Map<String, Integer> orgLife, int committeeMinFullMembers,
                                   int trainingEndMonth) {

    public static final Map<String, Integer> DEFAULT_FREQUENCIES = defaults();

    public AssessmentProperties {
        grading = grading == null ? new Grading(null, null, null, null, null) : grading;
        Map<String, Integer> merged = new LinkedHashMap<>(DEFAULT_FREQUENCIES);
        if (orgLife != null) {
            merged.putAll(orgLife);
        }
        orgLife = Map.copyOf(merged);
        committeeMinFullMembers = committeeMinFullMembers <= 0 ? 7 : committeeMinFullMembers;
        trainingEndMonth = trainingEndMonth < 1 || trainingEndMonth > 12 ? 10 : trainingEndMonth;
    }

    /**
     * @param good lowest score graded 好
     * @param fairlyGood lowest score graded 较好
     * @param average lowest score graded 一般; below it 差
     * @param minSatisfactionForTop satisfaction rate below which a branch cannot be 好 or 较好 (0.90)
     * @param satisfiedAnswers the survey answers counted as satisfied
     */
    public record Grading(BigDecimal good, BigDecimal fairlyGood, BigDecimal average, BigDecimal minSatisfactionForTop,
                          List<String> satisfiedAnswers) {
        public Grading {
            good = good == null ? new BigDecimal("90") : good;
            fairlyGood = fairlyGood == null ? new BigDecimal("80") : fairlyGood;
            average = average == null ? new BigDecimal("60") : average;
            minSatisfactionForTop = minSatisfactionForTop == null ? new BigDecimal("0.90") : minSatisfactionForTop;
            satisfiedAnswers = satisfiedAnswers == null || satisfiedAnswers.isEmpty()
                    ? List.of("SATISFIED", "FAIRLY_SATISFIED", "BASICALLY_SATISFIED") : List.copyOf(satisfiedAnswers);
        }
    }

    private static Map<String, Integer> defaults() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("BRANCH_GENERAL_MEETING", 3);
        d.put("COMMITTEE_MEETING", 1);
        d.put("GROUP_MEETING", 1);
        d.put("THEME_PARTY_DAY", 1);
        d.put("PARTY_LECTURE", 3);
        d.put("ORG_LIFE_REVIEW_MEETING", 12);
        d.put("DEMOCRATIC_APPRAISAL", 12);
        d.put("HEART_TO_HEART_TALK", 12);
        return Map.copyOf(d);
    }
}
