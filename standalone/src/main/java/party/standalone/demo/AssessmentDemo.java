package party.standalone.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The demo's assessment, through assessment-service's API with the demo inspector's token: last
 * month's spot check (月抽查) of 掘进二队党支部 on the default template (which the service loads and
 * activates itself), with deductions and their comments, and one rectification item (整改) opened
 * from it. The sheet is scored only while it has not been started and the item is opened only
 * while the branch has none from that spot check, so a restart on the same data changes nothing.
 */
final class AssessmentDemo {

    private static final Logger log = LoggerFactory.getLogger(AssessmentDemo.class);
    private static final String ASSESSMENTS = "/api/v1/assessments";

    /** What the demo's assessment holds afterwards, for the banner. */
    record Loaded(String period, String total, String rectificationId) {
    }

    private final ApiClient inspector;

    /** @param inspector a client with the demo inspector's token */
    AssessmentDemo(ApiClient inspector) {
        this.inspector = inspector;
    }

    Loaded load(String branch, LocalDate today) {
        String period = YearMonth.from(today).minusMonths(1).toString();
        String sheet = ASSESSMENTS + "/branches/" + branch + "/periods/" + period;
        // assessment-service learns the branch from organization-service's events: 404 until they have arrived.
        JsonNode view = DemoData.whenProjected(() -> inspector.get(sheet), "read the spot check " + period).body();
        if ("NOT_STARTED".equals(view.path("status").asString())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scores", List.of(
                    Map.of("indicatorCode", "P1", "score", 2,
                            "comment", "支委会未将学习习近平新时代中国特色社会主义思想列为第一议题一次，扣1分"),
                    Map.of("indicatorCode", "O1", "score", 0,
                            "comment", "支部委员会2021年1月换届，任期已满3年未按期换届，扣3分"),
                    Map.of("indicatorCode", "L3", "score", 3, "comment", "主题党日每月固定开展，主题明确"),
                    Map.of("indicatorCode", "I5", "score", 4, "comment", "党员带头查隐患、安全值岗落实到位")));
            view = DemoData.require(inspector.post(sheet + "/scores", body, Map.of()), "score the spot check " + period).body();
            log.info("Scored the demo spot check {} of 掘进二队党支部: total {}", period, view.path("totals").path("total"));
        }
        String sourceRef = "spot-check-" + period;
        JsonNode items = DemoData.require(inspector.get(ASSESSMENTS + "/organizations/" + branch + "/rectifications?size=100"),
                "list the rectification items").body().path("items");
        for (JsonNode item : items) {
            if (sourceRef.equals(item.path("sourceRef").asString())) {
                return new Loaded(period, view.path("totals").path("total").asString(), item.path("id").asString());
            }
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("orgId", branch);
        item.put("source", "INSPECTION");
        item.put("sourceRef", sourceRef);
        item.put("category", "组织建设");
        item.put("problem", "支部委员会任期已满未按期换届");
        item.put("measure", "报请矿党委批准，召开党员大会选举产生新一届支部委员会");
        item.put("deadline", today.plusMonths(2).toString());
        JsonNode opened = DemoData.require(inspector.post(ASSESSMENTS + "/rectifications", item,
                Map.of("Idempotency-Key", "demo-rectification-" + branch + "-" + period)), "open the rectification item").body();
        log.info("Opened the demo rectification item {}", opened.path("id").asString());
        return new Loaded(period, view.path("totals").path("total").asString(), opened.path("id").asString());
    }
}
