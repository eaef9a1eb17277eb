package party.assessment.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.assessment.calendar.Period;
import party.assessment.it.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Rectification items from inspection findings and research problems, moved along by the branch and verified by the superior. */
class RectificationIT extends IntegrationTest {

    static final String ITEMS = "/api/v1/assessments/rectifications";

    @Test
    void findingsAndProblemsOpenItemsOnceTheBranchWorksThemAndTheSuperiorVerifies() {
        Orgs orgs = orgs();
        String findingId = UUID.randomUUID().toString();
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("inspectionId", UUID.randomUUID().toString());
        finding.put("findingId", findingId);
        finding.put("orgId", orgs.branchA());
        finding.put("kind", "QUARTERLY_INSPECTION");
        finding.put("period", "2026-Q1");
        finding.put("category", "MEETING_MISSING");
        finding.put("description", "2月未召开支委会");
        finding.put("measure", "补开支委会并完善会议记录");
        finding.put("deadline", Period.today().minusDays(3).toString());
        finding.put("version", 0);
        String findingEvent = publish("party.organization", "party.organization.inspection-finding-raised.v1", findingId, finding);
        String problemId = UUID.randomUUID().toString();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("tripId", UUID.randomUUID().toString());
        problem.put("problemId", problemId);
        problem.put("orgId", orgs.branchA());
        problem.put("description", "掘进工作面支护材料运输环节多，影响单进");
        problem.put("category", "SAFETY_PRODUCTION");
        problem.put("measure", null);
        problem.put("deadline", null);
        problem.put("foundOn", Period.today().minusDays(10).toString());
        problem.put("version", 0);
        publish("party.organization", "party.organization.research-problem-found.v1", problemId, problem);

        String staff = staff(orgs);
        String list = "/api/v1/assessments/organizations/" + orgs.committee() + "/rectifications";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(list, staff).json().path("total").asLong() == 2);
        // A replayed finding (same ce_id, and a republish under a new id) opens nothing new.
        publish("party.organization", "party.organization.inspection-finding-raised.v1", findingId, finding, findingEvent);
        String replay = publish("party.organization", "party.organization.inspection-finding-raised.v1", findingId, finding);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                mongo.getCollection("inbox").countDocuments(new org.bson.Document("_id", "assessment-service-rectification|" + replay)) == 1);
        assertThat(get(list, staff).json().path("total").asLong()).isEqualTo(2);
        JsonNode opened = awaitValid("party.assessment.rectification-opened.v1", e -> e.path("itemId").asString().equals("finding-" + findingId));
        assertThat(opened.path("source").asString()).isEqualTo("INSPECTION");
        assertThat(published("party.assessment.rectification-opened.v1", e -> e.path("itemId").asString().equals("finding-" + findingId))
                .stream().map(r -> header(r, "ce_id")).distinct()).hasSize(1);

        JsonNode problemItem = get(ITEMS + "/problem-" + problemId, staff).json();
        assertThat(problemItem.path("source").asString()).isEqualTo("FIELD_RESEARCH");
        assertThat(problemItem.path("deadline").asString()).isEqualTo(Period.today().plusDays(20).toString());

        // Overdue list: the finding is past its deadline and open.
        JsonNode overdue = get(list + "?overdue=true", staff).json();
        assertThat(overdue.path("total").asLong()).isEqualTo(1);
        assertThat(overdue.path("items").get(0).path("id").asString()).isEqualTo("finding-" + findingId);
        assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();

        String secretary = secretary(orgs.branchA());
        String item = ITEMS + "/finding-" + findingId;
        Response read = get(item, secretary);
        Response started = post(item + "/transitions", secretary, Map.of("to", "IN_PROGRESS"), "If-Match", read.header("ETag"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Response done = post(item + "/transitions", secretary, Map.of("to", "DONE", "note", "已补开"), "If-Match", started.header("ETag"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("closedOn").asString()).isEqualTo(Period.today().toString());
        // The branch cannot verify its own work; the superior must, and a send-back needs a reason.
        Response self = post(item + "/transitions", secretary, Map.of("to", "VERIFIED"), "If-Match", done.header("ETag"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.problem()).isEqualTo("superior-only");
        Response noReason = post(item + "/transitions", staff, Map.of("to", "IN_PROGRESS"), "If-Match", done.header("ETag"));
        assertThat(noReason.problem()).isEqualTo("rectification-reason-required");
        assertThat(get(item, staff).json().path("status").asString()).isEqualTo("DONE");
        Response verified = post(item + "/transitions", staff, Map.of("to", "VERIFIED"), "If-Match", done.header("ETag"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode changed = awaitValid("party.assessment.rectification-status-changed.v1",
                e -> e.path("itemId").asString().equals("finding-" + findingId) && e.path("to").asString().equals("VERIFIED"));
        assertThat(changed.path("overdue").asBoolean()).isTrue();
        Response twice = post(item + "/transitions", staff, Map.of("to", "VERIFIED"), "If-Match", verified.header("ETag"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("rectification-transition");
        assertThat(post(ITEMS + "/problem-" + problemId + "/transitions", staff, Map.of("to", "VERIFIED"), "If-Match", "\"0\"")
                .problem()).isEqualTo("rectification-transition");

        // Another branch's secretary sees nothing of it.
        assertThat(get(item, secretary(orgs.branchB())).status()).isEqualTo(404);
        assertThat(post(item + "/transitions", secretary(orgs.branchB()), Map.of("to", "DONE"), "If-Match", "\"0\"").status()).isEqualTo(404);

        JsonNode summary = get(list + "/summary", staff).json();
        assertThat(summary.path("subtree").path("total").asLong()).isEqualTo(2);
        assertThat(summary.path("subtree").path("verified").asLong()).isEqualTo(1);
        assertThat(summary.path("subtree").path("closureRate").asString()).isEqualTo("0.5000");
        assertThat(summary.path("organizations")).hasSize(1);
        assertThat(summary.path("organizations").get(0).path("orgId").asString()).isEqualTo(orgs.branchA());

        // The closure-rate indicator of this quarter counts the item closed in it.
        JsonNode r1 = null;
        for (JsonNode line : get("/api/v1/assessments/branches/" + orgs.branchA() + "/periods/"
                + Period.containing(Period.currentMonth(), 3).label(), staff).json().path("indicators")) {
            if (line.path("code").asString().equals("R1")) {
                r1 = line;
            }
        }
        assertThat(r1).isNotNull();
        assertThat(r1.path("figures").path("closed").asLong()).isEqualTo(1);
    }

    @Test
    void itemsOpenedByHandAreCheckedAndScoped() {
        Orgs orgs = orgs();
        long before = count(RectificationItem.COLLECTION);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", orgs.branchB());
        body.put("problem", "党员活动室资料更新不及时");
        body.put("measure", "每月更新学习资料");
        body.put("deadline", LocalDate.now(Period.ZONE).minusDays(1).toString());
        Response past = post(ITEMS, staff(orgs), body);
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.problem()).isEqualTo("rectification-deadline-past");
        body.put("deadline", Period.today().plusDays(30).toString());
        assertThat(post(ITEMS, secretary(orgs.branchB()), body).status()).isEqualTo(403);
        assertThat(post(ITEMS, token("staff-x", List.of("ORG_STAFF"), List.of("elsewhere")), body).problem()).isEqualTo("out-of-scope");
        assertThat(count(RectificationItem.COLLECTION)).isEqualTo(before);

        String key = UUID.randomUUID().toString();
        Response created = post(ITEMS, staff(orgs), body, "Idempotency-Key", key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("source").asString()).isEqualTo("OTHER");
        Response again = post(ITEMS, staff(orgs), body, "Idempotency-Key", key);
        assertThat(again.json().path("id").asString()).isEqualTo(created.json().path("id").asString());
        assertThat(count(RectificationItem.COLLECTION)).isEqualTo(before + 1);
    }
}
