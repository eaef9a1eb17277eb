package party.assessment.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import party.assessment.config.AssessmentProperties;
import party.platform.web.ApiException;

/**
 * The member survey's storage, built so that nobody can tell who answered what: the answers are only
 * counters per evaluation ({@code survey_tallies}), and who answered is a separate marker per member
 * ({@code survey_respondents}) without the answer and without a time, so the two cannot be joined.
 */
@Component
class Survey {

    static final String TALLIES = "survey_tallies";
    static final String RESPONDENTS = "survey_respondents";

    private final MongoTemplate mongo;
    private final AssessmentProperties properties;

    Survey(MongoTemplate mongo, AssessmentProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Counts one answer of a member, once: a second answer is a 409 and changes nothing. */
    void answer(String evaluationId, String memberId, SurveyAnswer answer) {
        String marker = markerId(evaluationId, memberId);
        try {
            mongo.insert(new Document("_id", marker), RESPONDENTS);
        } catch (DuplicateKeyException again) {
            throw ApiException.conflict("survey-already-answered");
        }
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(evaluationId)), new Update().inc(answer.name(), 1), TALLIES);
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(marker)), RESPONDENTS);
            throw e;
        }
    }

    boolean answered(String evaluationId, String memberId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(markerId(evaluationId, memberId))), RESPONDENTS);
    }

    /**
     * The members' counts per answer and their number, the public's (群众, collected on paper and
     * recorded by the superior) likewise, and the satisfaction rate over both (null without answers).
     */
    record Tally(Map<SurveyAnswer, Long> counts, long respondents, Map<SurveyAnswer, Long> publicCounts, long publicRespondents,
                 BigDecimal satisfactionRate) {
    }

    Tally tally(String evaluationId, Map<SurveyAnswer, Long> publicCounts) {
        Document doc = mongo.findById(evaluationId, Document.class, TALLIES);
        Map<SurveyAnswer, Long> counts = new LinkedHashMap<>();
        Map<SurveyAnswer, Long> publicAnswers = new LinkedHashMap<>();
        long members = 0;
        long total = 0;
        long satisfied = 0;
        for (SurveyAnswer answer : SurveyAnswer.values()) {
            Number n = doc == null ? null : (Number) doc.get(answer.name());
            long count = n == null ? 0 : n.longValue();
            long fromPublic = publicCounts == null ? 0 : publicCounts.getOrDefault(answer, 0L);
            counts.put(answer, count);
            publicAnswers.put(answer, fromPublic);
            members += count;
            total += count + fromPublic;
            if (properties.grading().satisfiedAnswers().contains(answer.name())) {
                satisfied += count + fromPublic;
            }
        }
        BigDecimal rate = total == 0 ? null
                : BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
        return new Tally(counts, members, publicAnswers, total - members, rate);
    }

    private static String markerId(String evaluationId, String memberId) {
        return evaluationId + "|" + memberId;
    }
}
