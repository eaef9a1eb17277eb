package party.assessment.evaluation;

/** A member's answer in the member and public survey (党员群众测评). */
public enum SurveyAnswer {
    /** 满意 */
    SATISFIED,
    /** 比较满意 */
    FAIRLY_SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意 */
    DISSATISFIED
}
