package party.assessment.inspection;

import java.util.List;

/** Event data of score sheets; schemas in {@code contracts/party.assessment.scores-recorded.v1...} and {@code period-closed.v1}. */
final class InspectionEvents {

    static final String SCORES_RECORDED = "party.assessment.scores-recorded.v1";
    static final String PERIOD_CLOSED = "party.assessment.period-closed.v1";

    private InspectionEvents() {
    }

    /**
     * @param indicatorCodes the manual indicators scored by this change
     * @param deductions how many of them are below their maximum
     */
    record ScoresRecorded(String sheetId, String orgId, String period, String kind, String templateId,
                          List<String> indicatorCodes, int deductions, int bonuses, int penalties, int vetoes, long version) {
    }

    /** Scores are decimal strings with 2 places. */
    record PeriodClosed(String sheetId, String orgId, String period, String kind, String templateId, String manualScore,
                        String automaticScore, String bonus, String penalty, boolean vetoed, String totalScore, long version) {
    }
}
