package party.training.exam;

import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.training.support.Hours;

/** An exam on a course: questions drawn from its bank, a time limit, a pass mark, optional credit hours on passing. */
@Document(Exam.COLLECTION)
public class Exam extends Aggregate {

    public static final String COLLECTION = "exams";

    private String planId;
    private String orgId;
    private String courseId;
    private String title;
    private int questionCount;
    private int durationMinutes;
    private int passMark;
    private long creditCenti;
    private int year;

    Exam() {
    }

    static Exam publish(String id, String planId, String orgId, int year, String courseId, String title, int questionCount,
                        int durationMinutes, int passMark, long creditCenti) {
        Exam exam = new Exam();
        exam.id = id;
        exam.planId = planId;
        exam.orgId = orgId;
        exam.year = year;
        exam.courseId = courseId;
        exam.title = title;
        exam.questionCount = questionCount;
        exam.durationMinutes = durationMinutes;
        exam.passMark = passMark;
        exam.creditCenti = creditCenti;
        exam.raise(ExamPublished.TYPE, new ExamPublished(id, planId, orgId, courseId, questionCount, durationMinutes, passMark,
                Hours.text(creditCenti), exam.nextVersion()));
        return exam;
    }

    public String getPlanId() {
        return planId;
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public String getCourseId() {
        return courseId;
    }

    public String getTitle() {
        return title;
    }

    public int getQuestionCount() {
        return questionCount;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public int getPassMark() {
        return passMark;
    }

    public long getCreditCenti() {
        return creditCenti;
    }
}
