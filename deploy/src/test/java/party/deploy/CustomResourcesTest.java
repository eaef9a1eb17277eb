package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The operators' resources, read as generic objects, carry the fields that make the platform work. */
class CustomResourcesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Fields every custom resource of a kind must have (apiVersion/kind to dotted paths). */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", List.of("spec.kafka.listeners", "spec.kafka.config", "spec.entityOperator.topicOperator",
                    "spec.entityOperator.userOperator"),
            "kafka.strimzi.io/v1beta2/KafkaNodePool", List.of("metadata.labels.strimzi.io/cluster", "spec.replicas", "spec.roles", "spec.storage"),
            "kafka.strimzi.io/v1beta2/KafkaTopic", List.of("metadata.labels.strimzi.io/cluster", "spec.topicName", "spec.partitions",
                    "spec.replicas", "spec.config.retention.ms"),
            "kafka.strimzi.io/v1beta2/KafkaUser", List.of("metadata.labels.strimzi.io/cluster", "spec.authentication.type",
                    "spec.authorization.acls"),
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", List.of("spec.members", "spec.type", "spec.version",
                    "spec.security.authentication.modes", "spec.users"),
            "k8s.keycloak.org/v2alpha1/Keycloak", List.of("spec.instances", "spec.db.vendor", "spec.hostname.hostname"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", List.of("spec.keycloakCRName", "spec.realm.realm"),
            "monitoring.coreos.com/v1/PodMonitor", List.of("spec.selector", "spec.podMetricsEndpoints"),
            "monitoring.coreos.com/v1/PrometheusRule", List.of("spec.groups"));

    private static List<Map<String, Object>> custom(String overlay) {
        return Manifests.rendered(overlay).stream().filter(StrictModel::isCustom).toList();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyCustomResourceIsAKnownKindWithItsRequiredFields(String overlay) {
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> object : custom(overlay)) {
            String key = object.get("apiVersion") + "/" + object.get("kind");
            List<String> required = REQUIRED.get(key);
            if (required == null) {
                failures.add("unknown custom resource kind " + key);
                continue;
            }
            for (String path : required) {
                if (Manifests.path(object, path) == null) {
                    failures.add(key + " " + Manifests.name(object) + " lacks " + path);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaIsAThreeNodeKraftClusterWithSafeReplication(String overlay) {
        List<Map<String, Object>> objects = Manifests.rendered(overlay);
        Map<String, Object> kafka = Manifests.ofKind(objects, "Kafka").getFirst();
        assertThat(Manifests.path(kafka, "metadata.annotations.strimzi.io/kraft")).isEqualTo("enabled");
        assertThat(Manifests.path(kafka, "metadata.annotations.strimzi.io/node-pools")).isEqualTo("enabled");
        assertThat(Manifests.path(kafka, "spec.kafka.config.default.replication.factor")).isEqualTo(3);
        assertThat(Manifests.path(kafka, "spec.kafka.config.min.insync.replicas")).isEqualTo(2);
        assertThat(Manifests.path(kafka, "spec.zookeeper")).isNull();
        int nodes = 0;
        for (Map<String, Object> pool : Manifests.ofKind(objects, "KafkaNodePool")) {
            assertThat(Manifests.path(pool, "metadata.labels.strimzi.io/cluster")).isEqualTo(Manifests.name(kafka));
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) Manifests.path(pool, "spec.roles");
            assertThat(roles).contains("broker", "controller");
            nodes += (Integer) Manifests.path(pool, "spec.replicas");
        }
        assertThat(nodes).isEqualTo(3);
        for (Map<String, Object> topic : Manifests.ofKind(objects, "KafkaTopic")) {
            assertThat(Manifests.path(topic, "spec.replicas")).as("replicas of %s", Manifests.name(topic)).isEqualTo(3);
            assertThat(Manifests.path(topic, "spec.config.min.insync.replicas")).isEqualTo(2);
            assertThat(Manifests.path(topic, "metadata.labels.strimzi.io/cluster")).isEqualTo(Manifests.name(kafka));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicAModuleUsesHasAKafkaTopicAndADlt(String overlay) {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (Map<String, Object> topic : Manifests.ofKind(Manifests.rendered(overlay), "KafkaTopic")) {
            topics.put(String.valueOf(Manifests.path(topic, "spec.topicName")), topic);
        }
        Set<String> used = new HashSet<>();
        for (String app : Manifests.APPS) {
            Object own = Manifests.setting(app, "party.events.topic");
            if (own != null) {
                used.add(own.toString());
            }
            if (Manifests.setting(app, "party.events.consumes") instanceof List<?> consumed) {
                consumed.forEach(t -> used.add(t.toString()));
            }
        }
        assertThat(used).contains("party.organization", "party.member", "party.assessment", "party.training");
        for (String topic : used) {
            assertThat(topics).as("KafkaTopic of %s", topic).containsKey(topic);
            assertThat(topics).as("KafkaTopic of %s.dlt", topic).containsKey(topic + ".dlt");
            // DltAdmin addresses records by partition; the platform creates DLTs with one partition.
            assertThat(Manifests.path(topics.get(topic + ".dlt"), "spec.partitions")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void mongoIsAThreeMemberReplicaSetWithAUserPerService(String overlay) {
        Map<String, Object> mongo = Manifests.ofKind(Manifests.rendered(overlay), "MongoDBCommunity").getFirst();
        assertThat(Manifests.path(mongo, "spec.members")).isEqualTo(3);
        assertThat(Manifests.path(mongo, "spec.type")).isEqualTo("ReplicaSet");
        assertThat(Manifests.path(mongo, "spec.additionalConnectionStringConfig.w")).isEqualTo("majority");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) Manifests.path(mongo, "spec.users");
        Map<String, java.util.Set<String>> secrets = Secrets.exampleKeys();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> user : users) {
            names.add(String.valueOf(user.get("name")));
            String secret = String.valueOf(Manifests.path(user, "passwordSecretRef.name"));
            assertThat(secrets).as("password Secret of MongoDB user %s", user.get("name")).containsKey(secret);
            assertThat(secrets.get(secret)).contains(String.valueOf(Manifests.path(user, "passwordSecretRef.key")));
        }
        assertThat(names).contains("organization-service", "member-service", "assessment-service", "training-service");
    }

    @Test
    void theRealmCarriesThePlatformsRolesClientsAndClaims() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = new ObjectMapper().readValue(Manifests.DEPLOY.resolve("keycloak/party-realm.json").toFile(), Map.class);
        // The operator's import and compose's import are one realm.
        Map<String, Object> realmImport = Manifests.ofKind(Manifests.rendered("prod"), "KeycloakRealmImport").getFirst();
        assertThat(Manifests.path(realmImport, "spec.realm")).isEqualTo(realm);

        String roles = Manifests.read(Manifests.ROOT.resolve("platform/src/main/java/party/platform/security/Roles.java"));
        Set<String> platformRoles = constants(roles, "public static final String ([A-Z_]+) = \"([A-Z_]+)\";");
        String realmJson = Manifests.read(Manifests.DEPLOY.resolve("keycloak/party-realm.json"));
        for (String role : platformRoles) {
            assertThat(realmJson).as("realm role %s", role).contains("\"name\": \"" + role + "\"");
        }
        assertThat(platformRoles).contains("ADMIN", "ORG_STAFF", "SECRETARY", "INSPECTOR", "MEMBER");

        String currentUser = Manifests.read(Manifests.ROOT.resolve("platform/src/main/java/party/platform/security/CurrentUser.java"));
        Set<String> claims = constants(currentUser, "public static final String [A-Z_]+_CLAIM = \"([a-z_]+)\";");
        assertThat(claims).contains("roles", "org_scopes", "permissions", "member_id");
        for (String claim : claims) {
            assertThat(realmJson).as("a protocol mapper for the %s claim", claim).contains("\"claim.name\": \"" + claim + "\"");
        }
        assertThat(realmJson).contains("\"included.custom.audience\": \"party-api\"");
        assertThat(realmJson).contains("\"clientId\": \"party-portal\"").contains("\"pkce.code.challenge.method\": \"S256\"");
        assertThat(realmJson).contains("\"clientId\": \"party-integration\"").contains("\"secret\": \"${PARTY_INTEGRATION_SECRET}\"");
    }

    /** The last group of each match of a pattern over a source file. */
    private static Set<String> constants(String source, String regex) {
        Set<String> values = new HashSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(source);
        while (matcher.find()) {
            values.add(matcher.group(matcher.groupCount()));
        }
        return values;
    }
}
