package party.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses rendered objects against the Kubernetes API model, failing on any field the model does
 * not know. fabric8's classes keep unknown fields in {@code additionalProperties} instead of
 * failing, so every parsed object is walked and any non-empty {@code additionalProperties} is an
 * error with its path.
 */
final class StrictModel {

    /** Built-in kinds the manifests may use, by apiVersion/kind. */
    static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.of(
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** API groups of the operators whose custom resources the manifests use; checked field by field in the tests. */
    static final Set<String> CUSTOM_GROUPS = Set.of("kafka.strimzi.io", "mongodbcommunity.mongodb.com", "k8s.keycloak.org",
            "monitoring.coreos.com");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictModel() {
    }

    static boolean isCustom(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        return apiVersion.contains("/") && CUSTOM_GROUPS.contains(apiVersion.substring(0, apiVersion.indexOf('/')));
    }

    /** The typed object, or an AssertionError naming every unknown field. */
    static HasMetadata parse(Map<String, Object> object) {
        String key = object.get("apiVersion") + "/" + object.get("kind");
        Class<? extends HasMetadata> type = BUILT_IN.get(key);
        if (type == null) {
            throw new AssertionError("not a kind these manifests may use: " + key + " (" + Manifests.name(object) + ")");
        }
        HasMetadata parsed;
        try {
            parsed = MAPPER.convertValue(object, type);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(key + " " + Manifests.name(object) + " does not parse: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        walk(parsed, key + "(" + Manifests.name(object) + ")", unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields unknown to the Kubernetes API model: " + unknown);
        }
        return parsed;
    }

    static <T extends HasMetadata> T parse(Map<String, Object> object, Class<T> type) {
        return type.cast(parse(object));
    }

    private static void walk(Object node, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?> || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    walk(value, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }
}
