package party.organization.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import party.organization.IntegrationTest;
import party.platform.events.CloudEvents;
import party.platform.test.TestContracts;
import party.platform.test.TestEvents;
import party.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Monthly spot checks and quarterly inspections: findings, their events, queries, bad input and scope. */
class InspectionIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String P = "urn:party-building:problem:";

    private static Map<String, Object> finding(String description, String category, boolean needsAction, String measure,
                                               String deadline) {
        Map<String, Object> finding = new HashMap<>();
        finding.put("description", description);
        finding.put("category", category);
        finding.put("needsAction", needsAction);
        if (measure != null) {
            finding.put("measure", measure);
        }
        if (deadline != null) {
            finding.put("deadline", deadline);
        }
        return finding;
    }

    private static Map<String, Object> inspection(String orgId, String kind, String period, String inspectedOn,
                                                  List<Map<String, Object>> findings) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgId", orgId);
        body.put("kind", kind);
        body.put("period", period);
        body.put("inspectedOn", inspectedOn);
        body.put("inspector", "周检查员");
        body.put("findings", findings);
        return body;
    }

    private TestHttp.Response post(String token, Map<String, Object> body) {
        return http().as(token).post("/api/v1/inspections", body);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String inspectionId) {
        return events().readAll("party.organization").stream().filter(r -> inspectionId.equals(r.key())).toList();
    }

    private long stored(String orgId) {
        return mongo.getCollection("inspections").countDocuments(new org.bson.Document("orgId", orgId));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(o -> o.get("id").asString()).toList();
    }

    @Test
    void aQuarterlyInspectionIsRecordedAndEachFindingThatNeedsActionIsPublished() {
        Tree tree = tree();
        String inspector = inspector(tree.committee());
        TestHttp.Response created = http().as(inspector).header("Idempotency-Key", "insp-" + tree.branch1())
                .post("/api/v1/inspections", inspection(tree.branch1(), "QUARTERLY_INSPECTION", "2026-Q1", "2026-04-08",
                        List.of(finding("2月未召开支委会", "MEETING_MISSING", true, "补开支委会并完善会议记录", "2026-04-30"),
                                finding("会议记录字迹潦草", "MINUTES_INCOMPLETE", false, null, null))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/inspections/" + id);
        JsonNode findings = created.json().get("findings");
        assertThat(findings.size()).isEqualTo(2);
        String actionId = findings.get(0).get("findingId").asString();
        assertThat(findings.get(0).get("deadline").asString()).isEqualTo("2026-04-30");
        assertThat(findings.get(1).get("needsAction").asBoolean()).isFalse();
        TestHttp.Response replay = http().as(inspector).header("Idempotency-Key", "insp-" + tree.branch1())
                .post("/api/v1/inspections", inspection(tree.branch1(), "QUARTERLY_INSPECTION", "2026-Q1", "2026-04-08",
                        List.of(finding("2月未召开支委会", "MEETING_MISSING", true, "补开支委会并完善会议记录", "2026-04-30"),
                                finding("会议记录字迹潦草", "MINUTES_INCOMPLETE", false, null, null))));
        assertThat(replay.json().get("id").asString()).isEqualTo(id);
        assertThat(stored(tree.branch1())).isEqualTo(1);

        ConsumerRecord<String, String> raised = events().await("party.organization", r -> id.equals(r.key())
                && InspectionEvents.FINDING_RAISED.equals(TestEvents.header(r, CloudEvents.TYPE)), Duration.ofSeconds(15));
        assertThat(TestContracts.violations(InspectionEvents.FINDING_RAISED, raised.value())).isEmpty();
        JsonNode payload = JSON.readTree(raised.value());
        assertThat(payload.get("findingId").asString()).isEqualTo(actionId);
        assertThat(payload.get("orgId").asString()).isEqualTo(tree.branch1());
        assertThat(payload.get("deadline").asString()).isEqualTo("2026-04-30");
        assertThat(payload.get("measure").asString()).isEqualTo("补开支委会并完善会议记录");
        assertThat(payload.get("description").asString()).isEqualTo("2月未召开支委会");
        assertThat(raised.value()).doesNotContain("周检查员");

        List<ConsumerRecord<String, String>> all = eventsOf(id);
        assertThat(all).extracting(r -> TestEvents.header(r, CloudEvents.TYPE))
                .containsExactly(InspectionEvents.RECORDED, InspectionEvents.FINDING_RAISED);
        assertThat(TestContracts.violations(InspectionEvents.RECORDED, all.getFirst().value())).isEmpty();
        JsonNode recorded = JSON.readTree(all.getFirst().value());
        assertThat(recorded.get("findingCount").asInt()).isEqualTo(2);
        assertThat(recorded.get("actionFindingIds").valueStream().map(JsonNode::asString)).containsExactly(actionId);
        assertThat(recorded.get("period").asString()).isEqualTo("2026-Q1");

        JsonNode read = http().as(secretary(tree.branch1())).get("/api/v1/inspections/" + id).json();
        assertThat(read.get("inspector").asString()).isEqualTo("周检查员");
        assertThat(read.get("kind").asString()).isEqualTo("QUARTERLY_INSPECTION");
    }

    @Test
    void inspectionsAreFoundByBranchSubtreeKindAndPeriod() {
        Tree tree = tree();
        String token = admin(tree.committee());
        String quarterly = post(token, inspection(tree.branch1(), "QUARTERLY_INSPECTION", "2026-Q1", "2026-04-02", List.of()))
                .json().get("id").asString();
        String february = post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-02", "2026-03-01", List.of()))
                .json().get("id").asString();
        String april = post(token, inspection(tree.branch2(), "MONTHLY_SPOT_CHECK", "2026-04", "2026-04-28", List.of()))
                .json().get("id").asString();
        String base = "/api/v1/organizations/";

        assertThat(ids(http().as(token).get(base + tree.committee() + "/inspections").json()))
                .containsExactly(april, quarterly, february);
        assertThat(ids(http().as(token).get(base + tree.committee() + "/inspections?period=2026-Q1").json()))
                .containsExactly(quarterly, february);
        assertThat(ids(http().as(token).get(base + tree.committee() + "/inspections?period=2026-02").json()))
                .containsExactly(february);
        assertThat(ids(http().as(token).get(base + tree.committee() + "/inspections?period=2026&kind=MONTHLY_SPOT_CHECK")
                .json())).containsExactly(april, february);
        assertThat(ids(http().as(token).get(base + tree.general() + "/inspections").json()))
                .containsExactly(quarterly, february);
        assertThat(ids(http().as(token).get(base + tree.branch2() + "/inspections").json())).containsExactly(april);
        assertThat(http().as(token).get(base + tree.committee() + "/inspections?period=2026-13").status()).isEqualTo(400);
    }

    @Test
    void badInspectionsAreRefusedAndStoreAndPublishNothing() {
        Tree tree = tree();
        String token = inspector(tree.committee());
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        List<Map<String, Object>> none = List.of();

        Map<String, TestHttp.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("inspection-period-kind-mismatch",
                post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-Q1", "2026-04-02", none)));
        answers.put("inspection-period-kind-mismatch ",
                post(token, inspection(tree.branch1(), "QUARTERLY_INSPECTION", "2026-03", "2026-04-02", none)));
        answers.put("invalid-period", post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-3", "2026-04-02", none)));
        answers.put("inspection-date-in-future",
                post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", tomorrow, none)));
        answers.put("inspection-before-period",
                post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-02-27", none)));
        answers.put("inspection-finding-action-incomplete", post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK",
                "2026-03", "2026-04-02", List.of(finding("缺会", "MEETING_MISSING", true, "补开", null)))));
        answers.put("inspection-deadline-before-inspection", post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK",
                "2026-03", "2026-04-02", List.of(finding("缺会", "MEETING_MISSING", true, "补开", "2026-04-01")))));
        answers.put("inspection-unknown-organization",
                post(token, inspection("no-such-branch", "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02", none)));
        answers.put("inspection-needs-branch",
                post(token, inspection(tree.general(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02", none)));
        answers.put("invalid-request", post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02",
                List.of(finding("", "NOT_A_CATEGORY_", false, null, null)))));
        answers.forEach((slug, response) -> {
            assertThat(response.status()).as(slug + " " + response.raw()).isBetween(400, 422);
            if (!slug.equals("invalid-request")) {
                assertThat(response.json().get("type").asString()).as(response.raw()).isEqualTo(P + slug.strip());
            }
        });
        assertThat(answers.get("inspection-date-in-future").status()).isEqualTo(400);
        assertThat(answers.get("inspection-before-period").status()).isEqualTo(422);
        assertThat(answers.get("inspection-unknown-organization").status()).isEqualTo(422);

        TestHttp.Response en = http().as(token).header("Accept-Language", "en").post("/api/v1/inspections",
                inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02",
                        List.of(finding("缺会", "MEETING_MISSING", true, "补开", "2026-04-01"))));
        assertThat(en.json().get("detail").asString())
                .isEqualTo("Finding 1: the deadline 2026-04-01 is before the inspection on 2026-04-02.");
        TestHttp.Response zh = post(token, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02",
                List.of(finding("缺会", "MEETING_MISSING", true, "补开", "2026-04-01"))));
        assertThat(zh.json().get("title").asString()).isEqualTo("整改期限早于检查日期");

        assertThat(stored(tree.branch1())).isZero();
        assertThat(stored(tree.general())).isZero();
    }

    @Test
    void inspectorsWorkOnlyInTheirSubtreesAndSecretariesOnlyRead() {
        Tree tree = tree();
        String own = inspector(tree.branch1());
        String id = post(own, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02", List.of()))
                .json().get("id").asString();

        String foreign = inspector(tree.branch2());
        TestHttp.Response write = post(foreign, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02", List.of()));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("type").asString()).isEqualTo(P + "out-of-scope");
        TestHttp.Response read = http().as(foreign).get("/api/v1/inspections/" + id);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.raw()).doesNotContain(tree.branch1());
        assertThat(http().as(foreign).get("/api/v1/organizations/" + tree.branch1() + "/inspections").status()).isEqualTo(404);

        String secretary = secretary(tree.branch1());
        assertThat(post(secretary, inspection(tree.branch1(), "MONTHLY_SPOT_CHECK", "2026-03", "2026-04-02", List.of()))
                .status()).isEqualTo(403);
        assertThat(http().as(secretary).get("/api/v1/inspections/" + id).status()).isEqualTo(200);
        assertThat(stored(tree.branch1())).isEqualTo(1);
    }
}
