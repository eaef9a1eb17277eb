package party.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment files and the modules' configuration as the tests see them. */
final class Manifests {

    /** The modules that run as their own Deployment; module = spring.application.name = object name. */
    static final List<String> APPS = List.of("gateway", "organization-service", "member-service", "assessment-service",
            "training-service");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    /** The repository root: the deploy module's parent. */
    static final Path ROOT = locateRoot();
    static final Path DEPLOY = ROOT.resolve("deploy");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private Manifests() {
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        // Surefire runs in the module directory; an IDE may run in the root.
        if (Files.exists(dir.resolve("deploy/pom.xml"))) {
            return dir;
        }
        return dir.getParent();
    }

    /** {@code kubectl kustomize} of an overlay, split into objects. */
    static List<Map<String, Object>> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> yamlDocuments(kustomize(DEPLOY.resolve("k8s/overlays/" + o))));
    }

    static String kustomize(Path dir) {
        try {
            Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out;
            byte[] err;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                out = stdout.readAllBytes();
                err = stderr.readAllBytes();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the overlays (CI machines have it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String kubectl() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        return Files.isExecutable(Path.of("/usr/bin/kubectl")) ? "/usr/bin/kubectl" : "kubectl";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    static List<Map<String, Object>> yamlDocuments(Path file) {
        return yamlDocuments(read(file));
    }

    /** Duplicate keys are an error: a second value silently winning is the kind of slip these tests exist for. */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The configuration file a module reads (spring.config.name = the module). */
    static Path moduleConfig(String module) {
        return ROOT.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
    }

    /** Environment variables a module's configuration reads, with whether the file gives a default. */
    static Map<String, Boolean> placeholders(String module) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(read(moduleConfig(module)));
        while (matcher.find()) {
            found.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalAnd);
        }
        return found;
    }

    /** Merged view of all documents of a module's yml, for plain lookups of settings that no profile changes. */
    static Object setting(String module, String dottedPath) {
        for (Map<String, Object> document : yamlDocuments(moduleConfig(module))) {
            Object value = path(document, dottedPath);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Value of a setting in the document activated by a profile (spring.config.activate.on-profile). */
    static Object profileSetting(String module, String profile, String dottedPath) {
        for (Map<String, Object> document : yamlDocuments(moduleConfig(module))) {
            if (profile.equals(path(document, "spring.config.activate.on-profile"))) {
                Object value = path(document, dottedPath);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Follows dotted keys through nested maps, also matching keys that themselves contain dots. */
    @SuppressWarnings("unchecked")
    static Object path(Object node, String dottedPath) {
        if (dottedPath.isEmpty()) {
            return node;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return null;
        }
        String[] parts = dottedPath.split("\\.");
        for (int i = parts.length; i > 0; i--) {
            String key = String.join(".", List.of(parts).subList(0, i));
            if (map.containsKey(key)) {
                String rest = String.join(".", List.of(parts).subList(i, parts.length));
                Object found = path(((Map<String, Object>) map).get(key), rest);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String kind(Map<String, Object> object) {
        return Objects.toString(object.get("kind"));
    }

    static String name(Map<String, Object> object) {
        return Objects.toString(path(object, "metadata.name"));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }
}
