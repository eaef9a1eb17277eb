package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard parses and shows what operators look at; the alert rules exist; every module exposes Prometheus metrics. */
class ObservabilityTest {

    @Test
    void theDashboardParsesAndCoversTheAgreedPanels() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Manifests.DEPLOY.resolve("k8s/components/monitoring/dashboards/party-building.json").toFile());
        List<String> exprs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asText());
            panel.get("targets").forEach(t -> exprs.add(t.get("expr").asText()));
        }
        String all = String.join("\n", exprs);
        assertThat(all).contains("http_server_requests_seconds_count", "status=~\"5..\"", "http_server_requests_seconds_bucket",
                "kafka_consumergroup_lag", "party_outbox_backlog_events", ".dlt", "jvm_memory_used_bytes",
                "spring_cloud_gateway_requests_seconds_count");
        assertThat(all).contains("by (application, uri");
        assertThat(titles).hasSize(7);
    }

    @Test
    void prodShipsAlertRulesAndScraping() {
        List<Map<String, Object>> prod = Manifests.rendered("prod");
        Map<String, Object> rules = Manifests.ofKind(prod, "PrometheusRule").getFirst();
        String text = String.valueOf(rules.get("spec"));
        assertThat(text).contains("PartyServiceDown", "PartyHighErrorRate", "PartyOutboxBacklog", "PartyDeadLetters",
                "PartyConsumerLag", "PartyHeapPressure", "PartyCircuitOpen", "PartyHighLatency");
        // Each alert is explained in the runbook under its own name.
        String runbook = Manifests.read(Manifests.ROOT.resolve("docs/runbook.md"));
        java.util.regex.Matcher alerts = java.util.regex.Pattern.compile("alert=(Party\\w+)").matcher(text);
        while (alerts.find()) {
            assertThat(runbook).as("runbook entry for %s", alerts.group(1)).contains("### " + alerts.group(1));
        }
        assertThat(String.valueOf(Manifests.ofKind(prod, "PodMonitor").stream().map(m -> Manifests.path(m, "spec.podMetricsEndpoints")).toList()))
                .contains("/actuator/prometheus").contains("management")
                // lag and DLT sizes come from Strimzi's Kafka Exporter
                .contains("tcp-prometheus");
    }

    @Test
    void everyModuleExposesPrometheusOnTheManagementSideAndLogsJsonOnKubernetes() {
        for (String app : Manifests.APPS) {
            assertThat(String.valueOf(Manifests.setting(app, "management.endpoints.web.exposure.include")))
                    .as("exposed endpoints of %s", app).contains("prometheus");
            assertThat(Manifests.profileSetting(app, "kubernetes", "management.server.port")).as("management port of %s", app)
                    .isNotNull();
            assertThat(Manifests.profileSetting(app, "kubernetes", "logging.structured.format.console"))
                    .as("JSON console logs of %s on Kubernetes", app).isNotNull();
            if (!app.equals("gateway")) {
                // The gateway relays the traceparent it keeps or starts; the services export the spans.
                assertThat(Manifests.profileSetting(app, "kubernetes", "management.opentelemetry.tracing.export.otlp.endpoint"))
                        .as("OTLP endpoint of %s on Kubernetes", app).isNotNull();
                assertThat(Manifests.read(Manifests.ROOT.resolve(app).resolve("pom.xml")))
                        .contains("<artifactId>spring-boot-starter-opentelemetry</artifactId>");
            }
            String pom = Manifests.read(Manifests.ROOT.resolve(app).resolve("pom.xml"));
            assertThat(pom).as("Prometheus registry of %s", app).contains("<artifactId>micrometer-registry-prometheus</artifactId>");
        }
    }
}
