package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Only the gateway (and the identity provider's login pages) is reachable from outside; services only from the gateway. */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final String MONITORING_NAMESPACE = "monitoring";
    private static final int MANAGEMENT_PORT = 8090;

    private static List<NetworkPolicy> policies(String overlay) {
        return Manifests.ofKind(Manifests.rendered(overlay), "NetworkPolicy").stream()
                .map(o -> StrictModel.parse(o, NetworkPolicy.class)).toList();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingIsDeniedUnlessAllowed(String overlay) {
        assertThat(policies(overlay)).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void fromOutsideOnlyTheGatewayAndTheLoginPagesAreReachable(String overlay) {
        for (NetworkPolicy policy : policies(overlay)) {
            for (NetworkPolicyIngressRule rule : rules(policy)) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    // A rule without peers admits everyone: only within the Kafka cluster's own policy is that
                    // narrowed by ports; no such rule may exist for the platform.
                    throw new AssertionError("policy " + policy.getMetadata().getName() + " admits every peer");
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as("ipBlock peers in %s", policy.getMetadata().getName()).isNull();
                    String namespace = namespaceOf(peer);
                    if (INGRESS_NAMESPACE.equals(namespace)) {
                        assertThat(selectedApps(policy.getSpec().getPodSelector())).as("pods the ingress controller reaches")
                                .isSubsetOf("gateway", "keycloak");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aServiceIsCalledByTheGatewayOnlyAndScrapedOnItsManagementPort(String overlay) {
        for (String app : Manifests.APPS) {
            if (app.equals("gateway")) {
                continue;
            }
            for (NetworkPolicy policy : policies(overlay)) {
                if (!selectedApps(policy.getSpec().getPodSelector()).contains(app)) {
                    continue;
                }
                for (NetworkPolicyIngressRule rule : rules(policy)) {
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        if (MONITORING_NAMESPACE.equals(namespaceOf(peer))) {
                            assertThat(rule.getPorts()).isNotEmpty().allSatisfy(p ->
                                    assertThat(p.getPort().getIntVal()).isEqualTo(MANAGEMENT_PORT));
                        } else {
                            assertThat(namespaceOf(peer)).as("peer namespace of %s", app).isNull();
                            assertThat(selectedApps(peer.getPodSelector())).as("callers of %s", app).containsExactly("gateway");
                        }
                    }
                }
            }
        }
    }

    private static List<NetworkPolicyIngressRule> rules(NetworkPolicy policy) {
        return policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress();
    }

    private static String namespaceOf(NetworkPolicyPeer peer) {
        LabelSelector namespaces = peer.getNamespaceSelector();
        return namespaces == null || namespaces.getMatchLabels() == null ? null
                : namespaces.getMatchLabels().get("kubernetes.io/metadata.name");
    }

    /** The app names a selector picks, by app.kubernetes.io/name or app (Keycloak's pods). */
    private static Set<String> selectedApps(LabelSelector selector) {
        if (selector == null) {
            return Set.of();
        }
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (labels.containsKey("app.kubernetes.io/name")) {
            return Set.of(labels.get("app.kubernetes.io/name"));
        }
        if (labels.containsKey("app")) {
            return Set.of(labels.get("app"));
        }
        if (selector.getMatchExpressions() != null) {
            return selector.getMatchExpressions().stream().filter(e -> e.getKey().equals("app.kubernetes.io/name"))
                    .flatMap(e -> e.getValues().stream()).collect(java.util.stream.Collectors.toSet());
        }
        return labels.isEmpty() ? Set.of("*") : Set.of();
    }
}
