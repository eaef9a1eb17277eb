package party.training.exam;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/** The question bank of one course of a plan (id {@code bank-<courseId>}). */
@Document(QuestionBank.COLLECTION)
public class QuestionBank extends Aggregate {

    public static final String COLLECTION = "question_banks";

    private String planId;
    private String orgId;
    private String courseId;
    private List<Question> questions = new ArrayList<>();

    QuestionBank() {
    }

    static String idOf(String courseId) {
        return "bank-" + courseId;
    }

    static QuestionBank open(String planId, String orgId, String courseId) {
        QuestionBank bank = new QuestionBank();
        bank.id = idOf(courseId);
        bank.planId = planId;
        bank.orgId = orgId;
        bank.courseId = courseId;
        return bank;
    }

    void add(Question question) {
        questions.add(question);
        raise(QuestionBankChanged.TYPE, new QuestionBankChanged(id, planId, orgId, courseId, questions.size(), nextVersion()));
    }

    public String getPlanId() {
        return planId;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getCourseId() {
        return courseId;
    }

    public List<Question> getQuestions() {
        return questions;
    }
}
