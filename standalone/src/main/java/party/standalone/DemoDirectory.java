package party.standalone;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the demo organizations and of the member record of the demo user {@code member1},
 * shared inside this JVM. Ids are assigned by organization- and member-service when the demo data
 * loader creates the tree and registers the members, so they are not known in advance: the loader
 * records them here, and the authorization server resolves the org scopes and the member id of the
 * demo users and clients from here when it mints a token.
 */
public final class DemoDirectory {

    /** Keys of the demo organizations. */
    public static final String COMMITTEE = "committee";
    public static final String GENERAL_BRANCH = "general-branch";
    public static final String BRANCH_1 = "branch-1";
    public static final String BRANCH_2 = "branch-2";
    public static final String BRANCH_3 = "branch-3";
    public static final String GROUP = "group";
    /** Key of the member record the demo user {@code member1} belongs to (its {@code member_id} claim). */
    public static final String MEMBER_1 = "member-1";

    private final Map<String, String> ids = new ConcurrentHashMap<>();

    public void record(String key, String organizationId) {
        ids.put(Objects.requireNonNull(key), Objects.requireNonNull(organizationId));
    }

    public Optional<String> id(String key) {
        return Optional.ofNullable(ids.get(key));
    }

    /** The id of a demo organization or member; fails if the demo data has not been loaded. */
    public String require(String key) {
        return id(key).orElseThrow(() -> new IllegalStateException("demo id '" + key + "' is not loaded"));
    }

    /** The ids of those of {@code keys} that are known, in order; unknown keys are skipped. */
    public List<String> ids(Collection<String> keys) {
        return keys.stream().map(ids::get).filter(Objects::nonNull).toList();
    }

    /**
     * Reads ids kept by an earlier run. The loader needs them before its first request: its
     * lookups by code only see the subtrees its token's org scopes name.
     */
    public void load(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        stored.stringPropertyNames().forEach(key -> record(key, stored.getProperty(key)));
    }

    /** Keeps the ids for the next run on the same data directory. */
    public void save(Path file) {
        Properties stored = new Properties();
        stored.putAll(ids);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                stored.store(writer, "Ids of the demo organizations and of member1's member record (written by the standalone launcher)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A sorted snapshot of every known key and id. */
    public Map<String, String> all() {
        return new TreeMap<>(ids);
    }
}
