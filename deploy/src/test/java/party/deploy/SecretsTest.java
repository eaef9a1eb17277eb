package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Secrets are referenced, never shipped: overlays render none, and the examples hold only placeholders. */
class SecretsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void overlaysRenderNoSecret(String overlay) {
        assertThat(Manifests.ofKind(Manifests.rendered(overlay), "Secret")).isEmpty();
    }

    @Test
    void exampleSecretsHoldOnlyPlaceholders() {
        for (Map<String, Object> secret : Manifests.yamlDocuments(Secrets.EXAMPLES)) {
            assertThat(secret).doesNotContainKey("data");
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) secret.get("stringData");
            values.forEach((key, value) -> assertThat(String.valueOf(value))
                    .as("%s of Secret %s", key, Manifests.name(secret)).contains("REPLACE_ME"));
        }
    }

    @Test
    void everyMongoUriAsksForMajorityWrites() {
        for (String app : Manifests.APPS) {
            if (app.equals("gateway")) {
                continue;
            }
            String uri = String.valueOf(Secrets.exampleValues(app + "-mongodb").get("MONGODB_URI"));
            assertThat(uri).as("MONGODB_URI of %s", app).contains("w=majority").contains("replicaSet=party-mongodb")
                    .contains("/" + app.replace("-service", "") + "?");
        }
    }
}
