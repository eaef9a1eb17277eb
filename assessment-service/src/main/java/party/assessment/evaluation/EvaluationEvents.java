package party.assessment.evaluation;

/** Event data of evaluations; schemas in {@code contracts/party.assessment.self-evaluation-submitted.v1...}, {@code grade-determined.v1}. */
final class EvaluationEvents {

    static final String SELF_EVALUATION_SUBMITTED = "party.assessment.self-evaluation-submitted.v1";
    static final String GRADE_DETERMINED = "party.assessment.grade-determined.v1";

    private EvaluationEvents() {
    }

    record SelfEvaluationSubmitted(String evaluationId, String orgId, int year, String selfScore, long version) {
    }

    /**
     * @param satisfactionRate satisfied answers / answers (members and public), 4 places, or null without answers
     * @param respondents members who answered; {@code publicRespondents}: answers of the public
     * @param overridden the superior chose another grade than the rules give, with a recorded reason
     */
    record GradeDetermined(String evaluationId, String orgId, int year, String grade, String computedGrade, String score,
                           String satisfactionRate, long respondents, long publicRespondents, boolean overridden, long version) {
    }
}
