package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay renders, and every object it renders is one the API server would accept field for field. */
class StrictModelTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectParsesStrictly(String overlay) {
        List<Map<String, Object>> objects = Manifests.rendered(overlay);
        assertThat(objects).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            if (StrictModel.isCustom(object)) {
                continue; // operators' resources: CustomResourcesTest checks their fields
            }
            try {
                StrictModel.parse(object);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as("objects of overlay %s the Kubernetes API would reject", overlay).isEmpty();
    }

    @Test
    void aMisspelledFieldIsRejectedWithItsPath() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  selector:
                    matchLabels: {app: example}
                  template:
                    metadata:
                      labels: {app: example}
                    spec:
                      containers:
                        - name: example
                          image: example:1.0
                          livenessprobe:
                            httpGet: {path: /, port: 8080}
                """;
        assertThatThrownBy(() -> StrictModel.parse(Manifests.yamlDocuments(manifest).getFirst()))
                .hasMessageContaining("containers[0]").hasMessageContaining("livenessprobe");
    }

    @Test
    void aWrongTypeIsRejected() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  replicas: two
                """;
        assertThatThrownBy(() -> StrictModel.parse(Manifests.yamlDocuments(manifest).getFirst()))
                .hasMessageContaining("does not parse");
    }

    @Test
    void anUnknownBuiltInKindIsRejected() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: example
                """;
        assertThatThrownBy(() -> StrictModel.parse(Manifests.yamlDocuments(manifest).getFirst()))
                .hasMessageContaining("apps/v1/Deploymnet");
    }

    @Test
    void aCorrectDeploymentParsesToItsType() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: example
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: example
                          image: example:1.0
                          lifecycle:
                            preStop:
                              sleep: {seconds: 5}
                """;
        Deployment deployment = StrictModel.parse(Manifests.yamlDocuments(manifest).getFirst(), Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getLifecycle().getPreStop()
                .getSleep().getSeconds()).isEqualTo(5);
    }
}
