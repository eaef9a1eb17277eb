package party.assessment.evaluation;

/** The grade of evaluation and grading (评估定级), best first. */
public enum Grade {
    /** 好 */
    GOOD,
    /** 较好 */
    FAIRLY_GOOD,
    /** 一般 */
    AVERAGE,
    /** 差 */
    POOR;

    public boolean top() {
        return this == GOOD || this == FAIRLY_GOOD;
    }
}
