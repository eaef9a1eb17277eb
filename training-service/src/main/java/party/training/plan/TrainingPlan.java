package party.training.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.training.support.Hours;

/**
 * The yearly training plan of an organization: its credit-hour targets (members and leaders), the
 * split of the member target over months, and the courses with their must-learn content. One plan
 * per organization and year: the id is derived from both, so a second one is a duplicate key.
 */
@Document(TrainingPlan.COLLECTION)
public class TrainingPlan extends Aggregate {

    public static final String COLLECTION = "training_plans";

    private String orgId;
    private int year;
    private String title;
    private long memberTargetCenti;
    private long leaderTargetCenti;
    private List<MonthHours> months = new ArrayList<>();
    private List<Course> courses = new ArrayList<>();
    private String createdBy;
    private Instant createdAt;

    TrainingPlan() {
    }

    /** Id of the plan of an organization and year. */
    public static String idOf(String orgId, int year) {
        return "plan-" + year + "-" + orgId;
    }

    /** Hours of one month of the year, as an exact decimal string. */
    public record MonthHours(int month, String hours) {
    }

    /**
     * A course of the plan.
     *
     * @param mustLearn must-learn content (应知应会) every member studies
     * @param firstAgendaItem "first agenda item" (第一议题) study
     */
    public record Course(String id, String title, String content, boolean mustLearn, boolean firstAgendaItem) {
    }

    static TrainingPlan create(String orgId, int year, String title, long memberTarget, long leaderTarget,
                               List<MonthHours> months, String by, Instant now) {
        TrainingPlan plan = new TrainingPlan();
        plan.id = idOf(orgId, year);
        plan.orgId = orgId;
        plan.year = year;
        plan.createdBy = by;
        plan.createdAt = now;
        plan.change(title, memberTarget, leaderTarget, months);
        return plan;
    }

    void change(String title, long memberTarget, long leaderTarget, List<MonthHours> months) {
        this.title = title;
        this.memberTargetCenti = memberTarget;
        this.leaderTargetCenti = leaderTarget;
        this.months = new ArrayList<>(months);
        saved();
    }

    void addCourse(Course course) {
        courses.add(course);
        saved();
    }

    private void saved() {
        raise(PlanSaved.TYPE, new PlanSaved(id, orgId, year, Hours.text(memberTargetCenti), Hours.text(leaderTargetCenti),
                months, courses.stream().map(Course::id).toList(), nextVersion()));
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public String getTitle() {
        return title;
    }

    public long getMemberTargetCenti() {
        return memberTargetCenti;
    }

    public long getLeaderTargetCenti() {
        return leaderTargetCenti;
    }

    public List<MonthHours> getMonths() {
        return months;
    }

    public List<Course> getCourses() {
        return courses;
    }

    public java.util.Optional<Course> course(String courseId) {
        return courses.stream().filter(c -> c.id().equals(courseId)).findFirst();
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
