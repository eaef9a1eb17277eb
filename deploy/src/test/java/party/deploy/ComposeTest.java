package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml parses and brings every engine and module up with a health check and a memory limit. */
class ComposeTest {

    static final Path COMPOSE = Manifests.DEPLOY.resolve("compose/compose.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = Manifests.yamlDocuments(COMPOSE).getFirst();
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The x-app anchor is merged by the YAML loader, so a service's settings are its own map. */
    @Test
    void everyServiceHasAHealthCheckAndAMemoryLimit() {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsKeys("mongodb", "kafka", "redis", "keycloak");
        assertThat(services).containsKeys(Manifests.APPS.toArray(String[]::new));
        services.forEach((name, service) -> {
            assertThat(service).as("healthcheck of %s", name).containsKey("healthcheck");
            assertThat(Manifests.path(service, "healthcheck.test")).as("healthcheck test of %s", name).isInstanceOf(List.class);
            assertThat(service.get("mem_limit")).as("mem_limit of %s", name).isNotNull();
            assertThat(String.valueOf(service.get("image"))).as("image of %s", name).doesNotEndWith(":latest").contains(":");
        });
    }

    @Test
    void mongoIsAReplicaSetAndKafkaRunsKraft() {
        Map<String, Map<String, Object>> services = services();
        assertThat(String.valueOf(services.get("mongodb").get("command"))).contains("--replSet");
        assertThat(Manifests.path(services.get("kafka"), "environment.KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    }

    /** A default pointing at localhost is wrong inside a container: compose must set every such variable. */
    @Test
    void everyVariableWhoseDefaultIsLocalhostIsSet() {
        Map<String, Map<String, Object>> services = services();
        for (String app : Manifests.APPS) {
            @SuppressWarnings("unchecked")
            Set<String> set = new HashSet<>(((Map<String, Object>) services.get(app).get("environment")).keySet());
            String config = Manifests.read(Manifests.moduleConfig(app));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}").matcher(config);
            while (m.find()) {
                if (m.group(2).contains("localhost")) {
                    assertThat(set).as("%s of %s in compose", m.group(1), app).contains(m.group(1));
                }
            }
            Manifests.placeholders(app).forEach((variable, hasDefault) -> {
                if (!hasDefault) {
                    assertThat(set).as("%s (no default) of %s in compose", variable, app).contains(variable);
                }
            });
            assertThat(String.valueOf(Manifests.path(services.get(app), "environment.MONGODB_URI")))
                    .satisfiesAnyOf(uri -> assertThat(uri).isEqualTo("null"), uri -> assertThat(uri).contains("replicaSet="));
        }
    }
}
