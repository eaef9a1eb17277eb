package party.assessment.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * A branch's evaluation and grading (评估定级) of a year, in its three procedures: the self-evaluation
 * (which opens the survey), the member and public survey (answers kept apart, see SurveyService), and
 * the superior's determination (which closes the survey). Id {@code orgId|year}.
 */
@Document(BranchEvaluation.COLLECTION)
public class BranchEvaluation extends Aggregate {

    public static final String COLLECTION = "evaluations";

    public enum Status {
        /** Self-evaluation submitted; the survey is open. */
        SURVEY,
        /** The superior determined the grade; the survey is closed. */
        DETERMINED
    }

    private String orgId;
    private int year;
    private Status status;
    private BigDecimal selfScore;
    private String selfReport;
    private String selfSubmittedBy;
    private Instant selfSubmittedAt;
    private Determination determination;
    private Map<SurveyAnswer, Long> publicSurvey;
    private String publicSurveyBy;

    /**
     * @param appliedRules the rules that capped the computed grade
     * @param reason why the superior chose another grade than the computed one (null when not overridden)
     */
    public record Determination(BigDecimal score, Grade computedGrade, List<String> appliedRules, Grade grade, boolean overridden,
                                String reason, BigDecimal satisfactionRate, long respondents, long publicRespondents, String by,
                                Instant at) {
    }

    BranchEvaluation() {
    }

    static String idOf(String orgId, int year) {
        return orgId + "|" + year;
    }

    static BranchEvaluation start(String orgId, int year) {
        BranchEvaluation evaluation = new BranchEvaluation();
        evaluation.id = idOf(orgId, year);
        evaluation.orgId = orgId;
        evaluation.year = year;
        return evaluation;
    }

    void selfEvaluate(BigDecimal score, String report, String by) {
        if (status == Status.DETERMINED) {
            throw ApiException.conflict("evaluation-determined", orgId, year);
        }
        status = Status.SURVEY;
        selfScore = score;
        selfReport = report;
        selfSubmittedBy = by;
        selfSubmittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        raise(EvaluationEvents.SELF_EVALUATION_SUBMITTED, new EvaluationEvents.SelfEvaluationSubmitted(id, orgId, year,
                score.toPlainString(), nextVersion()));
    }

    /** The public's answers (群众测评), collected on paper and recorded by the superior; replaces what was recorded. */
    void recordPublicSurvey(Map<SurveyAnswer, Long> counts, String by) {
        if (status != Status.SURVEY) {
            throw ApiException.conflict("survey-closed", orgId, year);
        }
        publicSurvey = new java.util.EnumMap<>(counts);
        publicSurveyBy = by;
    }

    void determine(Determination next) {
        status = Status.DETERMINED;
        determination = next;
        raise(EvaluationEvents.GRADE_DETERMINED, new EvaluationEvents.GradeDetermined(id, orgId, year, next.grade().name(),
                next.computedGrade().name(), next.score().toPlainString(),
                next.satisfactionRate() == null ? null : next.satisfactionRate().toPlainString(), next.respondents(),
                next.publicRespondents(), next.overridden(), nextVersion()));
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public Status getStatus() {
        return status;
    }

    public BigDecimal getSelfScore() {
        return selfScore;
    }

    public String getSelfReport() {
        return selfReport;
    }

    public String getSelfSubmittedBy() {
        return selfSubmittedBy;
    }

    public Instant getSelfSubmittedAt() {
        return selfSubmittedAt;
    }

    public Map<SurveyAnswer, Long> getPublicSurvey() {
        return publicSurvey;
    }

    public Determination getDetermination() {
        return determination;
    }
}
