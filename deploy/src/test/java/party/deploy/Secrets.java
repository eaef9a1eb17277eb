package party.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The shapes of the Secrets the manifests reference (deploy/k8s/secrets-example), by name. */
final class Secrets {

    static final Path EXAMPLES = Manifests.DEPLOY.resolve("k8s/secrets-example/secrets.yaml");

    private Secrets() {
    }

    static Map<String, Set<String>> exampleKeys() {
        Map<String, Set<String>> keys = new HashMap<>();
        for (Map<String, Object> secret : Manifests.yamlDocuments(EXAMPLES)) {
            Set<String> names = new LinkedHashSet<>();
            for (String field : new String[] {"stringData", "data"}) {
                if (secret.get(field) instanceof Map<?, ?> values) {
                    values.keySet().forEach(k -> names.add(String.valueOf(k)));
                }
            }
            keys.put(Manifests.name(secret), names);
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> exampleValues(String name) {
        return Manifests.yamlDocuments(EXAMPLES).stream().filter(s -> name.equals(Manifests.name(s)))
                .map(s -> (Map<String, Object>) s.get("stringData")).findFirst().orElseThrow();
    }
}
