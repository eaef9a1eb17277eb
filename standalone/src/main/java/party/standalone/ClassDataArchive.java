package party.standalone;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data archive {@code run.sh} asks for ({@code -XX:+AutoCreateSharedArchive}): the JVM
 * writes it as it exits when it is missing or stale, and later runs start about twice as fast.
 * An archive written by a run that never got ready (a start-up failure, Ctrl-C during start)
 * would hold only part of the classes and still count as valid, so such a run leaves a
 * {@code .pending} marker and {@code run.sh} deletes the archive before the next start.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /** At start: mark the archive this run will write as pending until the stack is ready. */
    static void starting() {
        Path archive = archive();
        if (archive != null && willBeWritten(archive)) {
            try {
                Files.writeString(marker(archive), "written by a run that did not get ready yet\n");
            } catch (IOException ignored) {
                // without the marker a partial archive may survive: only slower starts
            }
        }
    }

    /** Once the stack is ready: the archive this run writes at exit will be complete. */
    static void ready() {
        Path archive = archive();
        if (archive != null) {
            try {
                Files.deleteIfExists(marker(archive));
            } catch (IOException ignored) {
                // next run just rebuilds the archive
            }
        }
    }

    /** Whether the JVM will write the archive as it exits (first run, or first after a rebuild). */
    static boolean willBeWritten() {
        Path archive = archive();
        return archive != null && willBeWritten(archive);
    }

    private static boolean willBeWritten(Path archive) {
        if (!Files.exists(archive)) {
            return true;
        }
        try {
            Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
            return Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path archive() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!args.contains("-XX:+AutoCreateSharedArchive")) {
            return null;
        }
        return args.stream().filter(arg -> arg.startsWith("-XX:SharedArchiveFile="))
                .map(arg -> Path.of(arg.substring("-XX:SharedArchiveFile=".length())))
                .findFirst().orElse(null);
    }

    private static Path marker(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".pending");
    }
}
