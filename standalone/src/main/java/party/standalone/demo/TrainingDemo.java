package party.standalone.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The demo's centralized training (集中培训) of the current year, through training-service's API:
 * the committee's yearly plan with the 32 h / 56 h targets spread over March to October, one
 * must-learn course (also the "first agenda item"), the sessions its recurrence rule generates
 * (1st and 3rd Tuesday, 14:30–17:00, March to October) and one Party-school dispatch (党校派学) of
 * {@code member1}'s member. Every step looks first or is idempotent by design, so a restart on the
 * same data creates nothing twice.
 */
final class TrainingDemo {

    private static final Logger log = LoggerFactory.getLogger(TrainingDemo.class);
    private static final String TRAININGS = "/api/v1/trainings";
    static final String SCHOOL = "XX煤矿党校";
    /** The dispatch's course, before which a year's dispatch cannot have ended. */
    private static final MonthDay DISPATCH_START = MonthDay.of(3, 9);
    private static final MonthDay DISPATCH_END = MonthDay.of(3, 20);

    /** What the demo's training holds afterwards, for the banner. */
    record Loaded(String planId, int year, long sessions, String dispatchId) {
    }

    private final ApiClient api;

    TrainingDemo(ApiClient api) {
        this.api = api;
    }

    Loaded load(String committee, String dispatchedMember, String dispatchedBranch, LocalDate today) {
        int year = today.getYear();
        JsonNode plan = plan(committee, year);
        String planId = plan.path("id").asString();
        String courseId = course(plan);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("byDay", List.of("1TU", "3TU"));
        rule.put("fromMonth", 3);
        rule.put("toMonth", 10);
        rule.put("startTime", "14:30");
        rule.put("endTime", "17:00");
        rule.put("title", "党员集中学习");
        rule.put("courseId", courseId);
        rule.put("mode", "ONSITE");
        rule.put("location", "矿机关党员活动室");
        // Session ids are derived from plan and start: generating again only reports them as skipped.
        ApiClient.Response generated = api.post(TRAININGS + "/plans/" + planId + "/sessions/generate", rule, Map.of());
        DemoData.require(generated, "generate the training sessions of plan " + planId);
        long sessions = generated.body().path("created").asLong() + generated.body().path("skipped").asLong();
        if (generated.body().path("created").asLong() > 0) {
            log.info("Generated {} demo training sessions (1st and 3rd Tuesday, March to October {})",
                    generated.body().path("created").asLong(), year);
        }
        String dispatchId = dispatch(dispatchedMember, dispatchedBranch, today);
        return new Loaded(planId, year, sessions, dispatchId);
    }

    private JsonNode plan(String committee, int year) {
        ApiClient.Response found = DemoData.whenProjected(
                () -> api.get(TRAININGS + "/plans?orgId=" + committee + "&year=" + year), "look up the training plan of " + year);
        if (found.body().path("items").size() > 0) {
            return found.body().path("items").path(0);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", committee);
        body.put("year", year);
        body.put("title", "XX煤矿党委" + year + "年度党员集中培训计划");
        body.put("memberTargetHours", 32);
        body.put("leaderTargetHours", 56);
        body.put("months", IntStream.rangeClosed(3, 10).mapToObj(month -> Map.of("month", month, "hours", 4)).toList());
        ApiClient.Response created = DemoData.whenProjected(() -> api.post(TRAININGS + "/plans", body,
                Map.of("Idempotency-Key", "demo-training-plan-" + committee + "-" + year)), "create the training plan of " + year);
        log.info("Created the demo training plan {} ({})", body.get("title"), created.body().path("id").asString());
        return created.body();
    }

    /** The plan's must-learn course, added once. */
    private String course(JsonNode plan) {
        JsonNode courses = plan.path("courses");
        if (courses.size() > 0) {
            return courses.path(0).path("id").asString();
        }
        String planId = plan.path("id").asString();
        Map<String, Object> body = Map.of(
                "title", "习近平新时代中国特色社会主义思想专题学习",
                "content", "原原本本学习党的二十大报告和党章；支委会、党员大会首先学习（第一议题）；每名党员撰写心得体会一篇。",
                "mustLearn", true, "firstAgendaItem", true);
        ApiClient.Response added = api.post(TRAININGS + "/plans/" + planId + "/courses", body,
                Map.of("If-Match", "\"" + plan.path("version").asLong() + "\""));
        DemoData.require(added, "add the course of plan " + planId);
        JsonNode all = added.body().path("courses");
        return all.path(all.size() - 1).path("id").asString();
    }

    /**
     * One dispatch of the member to the Party school in March (of last year until this year's course
     * has ended), found by member and school before it is recorded.
     */
    private String dispatch(String memberId, String branchId, LocalDate today) {
        int year = today.isAfter(DISPATCH_END.atYear(today.getYear())) ? today.getYear() : today.getYear() - 1;
        ApiClient.Response listed = DemoData.whenProjected(
                () -> api.get(TRAININGS + "/dispatches?orgId=" + branchId + "&year=" + year + "&size=100"), "list the dispatches");
        for (JsonNode item : listed.body().path("items")) {
            if (item.path("memberId").asString().equals(memberId) && item.path("school").asString().equals(SCHOOL)) {
                return item.path("id").asString();
            }
        }
        Map<String, Object> body = Map.of("memberId", memberId, "school", SCHOOL,
                "startDate", DISPATCH_START.atYear(year).toString(), "endDate", DISPATCH_END.atYear(year).toString(),
                "creditHours", 12, "note", "党员轮训班（第一期）");
        // training-service learns the member from member-service's event: unknown until it has arrived.
        ApiClient.Response recorded = DemoData.whenProjected(() -> api.post(TRAININGS + "/dispatches", body,
                Map.of("Idempotency-Key", "demo-dispatch-" + memberId + "-" + year)), "record the Party-school dispatch");
        log.info("Recorded the demo Party-school dispatch {}", recorded.body().path("id").asString());
        return recorded.body().path("id").asString();
    }
}
