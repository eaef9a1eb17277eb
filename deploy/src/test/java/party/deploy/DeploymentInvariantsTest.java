package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What every Deployment and Service of every overlay must hold, and that the configuration each module reads is provided. */
class DeploymentInvariantsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /**
     * Placeholders whose defaults in the module's yml are right on Kubernetes too (ports and tuning
     * knobs); everything else a module reads must come from its ConfigMap or a Secret.
     */
    static final Set<String> SAFE_DEFAULTS = Set.of("PORT", "GATEWAY_PORT", "GATEWAY_CONNECT_TIMEOUT_MS",
            "GATEWAY_RESPONSE_TIMEOUT", "GATEWAY_RATE_LIMIT_ENABLED", "GATEWAY_RATE_LIMIT_RPS", "GATEWAY_RATE_LIMIT_BURST",
            "REDIS_PORT", "TRACING_SAMPLING", "TRACING_EXPORT_ENABLED", "ASSESSMENT_CONSUMER_CONCURRENCY",
            "ASSESSMENT_MAX_POLL_RECORDS", "TRAINING_VIDEO_MAX_UPLOAD", "GATEWAY_MEDIA_RESPONSE_TIMEOUT_MS");

    private static List<Deployment> deployments(String overlay) {
        return Manifests.ofKind(Manifests.rendered(overlay), "Deployment").stream()
                .map(o -> StrictModel.parse(o, Deployment.class)).toList();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyModuleRunsAsADeploymentNamedAfterIt(String overlay) {
        Set<String> names = new HashSet<>();
        deployments(overlay).forEach(d -> names.add(d.getMetadata().getName()));
        assertThat(names).containsAll(Manifests.APPS);
        for (String app : Manifests.APPS) {
            assertThat(Manifests.setting(app, "spring.application.name")).as("spring.application.name of %s", app).isEqualTo(app);
            Deployment deployment = deployment(overlay, app);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getName()).isEqualTo(app);
            assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(app);
        }
        List<Map<String, Object>> objects = Manifests.rendered(overlay);
        for (String kind : List.of("Service", "ServiceAccount", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap")) {
            Set<String> ofKind = new HashSet<>();
            Manifests.ofKind(objects, kind).forEach(o -> ofKind.add(Manifests.name(o)));
            assertThat(ofKind).as("%s objects of %s", kind, overlay)
                    .allSatisfy(n -> assertThat(n).doesNotContain("-service-service"))
                    .containsAll(kind.equals("ConfigMap") ? List.of() : Manifests.APPS);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasProbesLimitsAndTheSecurityContext(String overlay) {
        List<String> failures = new ArrayList<>();
        for (Deployment deployment : deployments(overlay)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            check(failures, name, "pod runAsNonRoot", pod.getSecurityContext() != null
                    && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()));
            check(failures, name, "topology spread", pod.getTopologySpreadConstraints() != null
                    && !pod.getTopologySpreadConstraints().isEmpty());
            Set<String> emptyDirs = new HashSet<>();
            for (Volume volume : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
                if (volume.getEmptyDir() != null) {
                    emptyDirs.add(volume.getName());
                }
            }
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                check(failures, where, "startup probe", c.getStartupProbe() != null);
                check(failures, where, "liveness probe", c.getLivenessProbe() != null);
                check(failures, where, "readiness probe", c.getReadinessProbe() != null);
                for (String resource : List.of("cpu", "memory")) {
                    check(failures, where, "request of " + resource, c.getResources() != null
                            && c.getResources().getRequests() != null && c.getResources().getRequests().containsKey(resource));
                    check(failures, where, "limit of " + resource, c.getResources() != null
                            && c.getResources().getLimits() != null && c.getResources().getLimits().containsKey(resource));
                }
                var security = c.getSecurityContext();
                check(failures, where, "container security context", security != null);
                if (security != null) {
                    check(failures, where, "runAsNonRoot", Boolean.TRUE.equals(security.getRunAsNonRoot()));
                    check(failures, where, "readOnlyRootFilesystem", Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()));
                    check(failures, where, "no privilege escalation", Boolean.FALSE.equals(security.getAllowPrivilegeEscalation()));
                    check(failures, where, "all capabilities dropped", security.getCapabilities() != null
                            && security.getCapabilities().getDrop() != null && security.getCapabilities().getDrop().contains("ALL")
                            && (security.getCapabilities().getAdd() == null || security.getCapabilities().getAdd().isEmpty()));
                }
                check(failures, where, "an emptyDir at /tmp (the root filesystem is read-only)", c.getVolumeMounts() != null
                        && c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp") && emptyDirs.contains(m.getName())));
                boolean preStop = c.getLifecycle() != null && c.getLifecycle().getPreStop() != null;
                check(failures, where, "preStop pause", preStop);
                if (preStop && c.getLifecycle().getPreStop().getSleep() != null) {
                    long pause = c.getLifecycle().getPreStop().getSleep().getSeconds();
                    long grace = Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), 30L);
                    check(failures, where, "grace period longer than the preStop pause", grace > pause);
                    if (Manifests.APPS.contains(name)) {
                        long shutdown = shutdownPhaseSeconds(name);
                        check(failures, where, "grace period (" + grace + " s) longer than the pause (" + pause
                                + " s) and the graceful shutdown (" + shutdown + " s)", grace > pause + shutdown);
                    }
                }
            }
            if (Manifests.APPS.contains(name)) {
                Container c = pod.getContainers().getFirst();
                check(failures, name, "liveness on /actuator/health/liveness", httpPath(c.getLivenessProbe()).equals("/actuator/health/liveness"));
                check(failures, name, "readiness on /actuator/health/readiness", httpPath(c.getReadinessProbe()).equals("/actuator/health/readiness"));
                check(failures, name, "startup probe over HTTP", !httpPath(c.getStartupProbe()).isEmpty());
            }
        }
        assertThat(failures).as("Deployment invariants in %s", overlay).isEmpty();
    }

    /**
     * training-service writes to two emptyDirs: uploads over 1 MB spool to /tmp (multipart), and the
     * local copies of videos go to their cache directory. A volume over its sizeLimit gets the pod
     * evicted, so each must hold the most written there.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void trainingServiceVolumesHoldTheLargestUploadAndTheVideoCopies(String overlay) {
        Deployment training = deployments(overlay).stream().filter(d -> d.getMetadata().getName().equals("training-service"))
                .findFirst().orElseThrow();
        PodSpec pod = training.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().getFirst();
        Map<String, String> env = new HashMap<>();
        c.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        // The default of training-service.yml's ${TRAINING_VIDEO_MAX_UPLOAD:2GB}.
        long largestUpload = springBytes(env.getOrDefault("TRAINING_VIDEO_MAX_UPLOAD", "2GB"));
        assertThat(sizeLimit(pod, c, "/tmp")).as("sizeLimit of /tmp in %s", overlay).isGreaterThan(largestUpload);
        String cacheDir = env.get("PARTY_TRAINING_VIDEO_CACHE_DIR");
        assertThat(cacheDir).as("the video cache's directory in %s", overlay).isNotNull();
        assertThat(sizeLimit(pod, c, cacheDir)).as("sizeLimit of %s in %s", cacheDir, overlay)
                .isGreaterThan(springBytes(env.get("PARTY_TRAINING_VIDEO_CACHE_SIZE")));
    }

    /** Bytes of a Spring DataSize such as 8GB (binary units, as Spring counts them). */
    private static long springBytes(String size) {
        var parts = java.util.regex.Pattern.compile("(\\d+)(B|KB|MB|GB|TB)").matcher(size == null ? "" : size.strip());
        assertThat(parts.matches()).as("a data size: %s", size).isTrue();
        int power = List.of("B", "KB", "MB", "GB", "TB").indexOf(parts.group(2));
        return Long.parseLong(parts.group(1)) << (10 * power);
    }

    /** sizeLimit in bytes of the emptyDir mounted at {@code path} in {@code c}; 0 if there is none. */
    private static long sizeLimit(PodSpec pod, Container c, String path) {
        String volume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).map(m -> m.getName())
                .findFirst().orElse(null);
        return pod.getVolumes().stream().filter(v -> v.getName().equals(volume) && v.getEmptyDir() != null
                        && v.getEmptyDir().getSizeLimit() != null)
                .mapToLong(v -> io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(v.getEmptyDir().getSizeLimit()).longValue())
                .findFirst().orElse(0);
    }

    /** spring.lifecycle.timeout-per-shutdown-phase of the kubernetes profile (Spring's default is 30 s). */
    private static long shutdownPhaseSeconds(String app) {
        Object value = Manifests.profileSetting(app, "kubernetes", "spring.lifecycle.timeout-per-shutdown-phase");
        return value == null ? 30 : Duration.parse("PT" + value.toString().toUpperCase()).toSeconds();
    }

    private static String httpPath(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? "" : probe.getHttpGet().getPath();
    }

    private static void check(List<String> failures, String where, String what, boolean holds) {
        if (!holds) {
            failures.add(where + ": " + what);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageIsPinned(String overlay) {
        for (Deployment deployment : deployments(overlay)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container c : containers) {
                assertThat(isPinned(c.getImage())).as("image of %s/%s: %s", deployment.getMetadata().getName(), c.getName(),
                        c.getImage()).isTrue();
            }
        }
    }

    /** A digest, or a tag that is not latest. */
    static boolean isPinned(String image) {
        if (image == null) {
            return false;
        }
        if (image.matches(".+@sha256:[0-9a-f]{64}")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon > 0 && colon < last.length() - 1 && !last.substring(colon + 1).equals("latest");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsADeploymentAndItsPorts(String overlay) {
        List<Deployment> deployments = deployments(overlay);
        for (Map<String, Object> object : Manifests.ofKind(Manifests.rendered(overlay), "Service")) {
            Service service = StrictModel.parse(object, Service.class);
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as("selector of Service %s", service.getMetadata().getName()).isNotEmpty();
            Deployment target = deployments.stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .findFirst().orElse(null);
            assertThat(target).as("a Deployment whose pods Service %s selects", service.getMetadata().getName()).isNotNull();
            assertThat(target.getSpec().getSelector().getMatchLabels().entrySet())
                    .isSubsetOf(target.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            Set<String> portNames = new HashSet<>();
            Set<Integer> portNumbers = new HashSet<>();
            for (Container c : target.getSpec().getTemplate().getSpec().getContainers()) {
                for (ContainerPort p : c.getPorts()) {
                    portNames.add(p.getName());
                    portNumbers.add(p.getContainerPort());
                }
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                var targetPort = port.getTargetPort();
                boolean matches = targetPort == null ? portNumbers.contains(port.getPort())
                        : targetPort.getStrVal() != null ? portNames.contains(targetPort.getStrVal())
                        : portNumbers.contains(targetPort.getIntVal());
                assertThat(matches).as("port %s of Service %s names a container port", port.getName(),
                        service.getMetadata().getName()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyVariableAModuleReadsIsProvided(String overlay) {
        List<Map<String, Object>> objects = Manifests.rendered(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (Map<String, Object> cm : Manifests.ofKind(objects, "ConfigMap")) {
            configMaps.put(Manifests.name(cm), keys(Manifests.path(cm, "data")));
        }
        Map<String, Set<String>> secrets = Secrets.exampleKeys();
        Set<String> kafkaUsers = new HashSet<>();
        Manifests.ofKind(objects, "KafkaUser").forEach(u -> kafkaUsers.add(Manifests.name(u)));

        for (String app : Manifests.APPS) {
            Container c = deployment(overlay, app).getSpec().getTemplate().getSpec().getContainers().getFirst();
            Set<String> provided = new HashSet<>();
            for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    assertThat(configMaps).as("ConfigMap %s of %s", name, app).containsKey(name);
                    provided.addAll(configMaps.get(name));
                }
                if (from.getSecretRef() != null) {
                    String name = from.getSecretRef().getName();
                    assertThat(secrets).as("Secret %s of %s in deploy/k8s/secrets-example", name, app).containsKey(name);
                    provided.addAll(secrets.get(name));
                }
            }
            for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                provided.add(env.getName());
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    if (kafkaUsers.contains(ref.getName())) {
                        // Strimzi's User Operator writes this Secret for the KafkaUser of the same name.
                        assertThat(ref.getKey()).isIn("password", "sasl.jaas.config");
                    } else {
                        assertThat(secrets).as("Secret %s of %s in deploy/k8s/secrets-example", ref.getName(), app)
                                .containsKey(ref.getName());
                        assertThat(secrets.get(ref.getName())).as("keys of Secret %s", ref.getName()).contains(ref.getKey());
                    }
                }
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    assertThat(configMaps.getOrDefault(ref.getName(), Set.of())).contains(ref.getKey());
                }
            }
            Set<String> missing = new HashSet<>(Manifests.placeholders(app).keySet());
            missing.removeAll(SAFE_DEFAULTS);
            missing.removeAll(provided);
            assertThat(missing).as("variables %s.yml reads that %s does not provide", app, overlay).isEmpty();
        }
    }

    private static Set<String> keys(Object map) {
        return map instanceof Map<?, ?> m ? new HashSet<>(m.keySet().stream().map(String::valueOf).toList()) : Set.of();
    }

    private static Deployment deployment(String overlay, String name) {
        return deployments(overlay).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + overlay));
    }

    /** A 2 GB training video goes through the ingress as a stream; the rest of the API keeps a small body limit. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void trainingVideosHaveAnIngressThatStreamsLargeBodies(String overlay) {
        List<io.fabric8.kubernetes.api.model.networking.v1.Ingress> ingresses = Manifests.ofKind(Manifests.rendered(overlay),
                "Ingress").stream().map(o -> StrictModel.parse(o, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class))
                .toList();
        var media = ingresses.stream().filter(i -> i.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                .anyMatch(p -> "/api/v1/trainings/videos".equals(p.getPath())
                        && "gateway".equals(p.getBackend().getService().getName()))).toList();
        assertThat(media).as("an ingress for /api/v1/trainings/videos in %s", overlay).hasSize(1);
        Map<String, String> annotations = media.getFirst().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "2g")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-request-buffering", "off")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .isGreaterThanOrEqualTo(900);
    }
}
