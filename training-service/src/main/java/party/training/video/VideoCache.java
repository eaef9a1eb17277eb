package party.training.video;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import party.training.support.TrainingProperties;

/**
 * Local copies of the videos' GridFS files on this instance's disk, so that streaming a video is a
 * sendfile(2) from the page cache to the socket rather than a MongoDB round trip per chunk and the
 * bytes copied through the heap three times (measured: that was most of the CPU a streamed MB cost
 * the stack). GridFS stays where videos live: a video's first stream starts a copy in the
 * background and is served from GridFS, as is every stream until the copy is complete; a copy is
 * checked against the file's length and moved into place whole, so a partial one is never served.
 * A GridFS file never changes (an upload is a new file), so a copy never goes stale.
 *
 * <p>The copies stay within {@code cache-size}: to make room, the least recently streamed copies
 * idle for a minute are removed; a video that still does not fit is streamed from GridFS. The
 * directory belongs to one instance (on Kubernetes an {@code emptyDir}); at start the instance
 * keeps the complete copies it finds there and removes unfinished ones.
 */
@Component
class VideoCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VideoCache.class);
    /** A copy streamed this recently is not removed: a sendfile may be about to open it. */
    static final Duration IN_USE = Duration.ofMinutes(1);
    /** After a copy failed or did not fit, when it is tried again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    private static final String PART = ".part";

    private final VideoStore store;
    private final Clock clock;
    private final Path dir;
    private final long budget;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    /** Copies under way, with the bytes they take once written. */
    private final Map<String, Long> copying = new ConcurrentHashMap<>();
    /** When a copy of the file last failed or did not fit (ms). */
    private final Map<String, Long> refused = new ConcurrentHashMap<>();
    private final ExecutorService copier = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "video-cache-copier");
        thread.setDaemon(true);
        return thread;
    });

    private static final class Copy {
        final Path path;
        final long size;
        volatile long lastUsed;

        Copy(Path path, long size, long lastUsed) {
            this.path = path;
            this.size = size;
            this.lastUsed = lastUsed;
        }
    }

    VideoCache(VideoStore store, TrainingProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.dir = properties.video().cacheDir().toAbsolutePath().normalize();
        this.budget = properties.video().cacheSize().toBytes();
        if (budget > 0) {
            try {
                Files.createDirectories(dir);
                adopt();
            } catch (IOException e) {
                throw new UncheckedIOException("party.training.video.cache-dir " + dir + " is not usable", e);
            }
        }
        Gauge.builder("training.video.cache.size", this, VideoCache::used).baseUnit("bytes")
                .description("bytes the local copies of videos take on disk").register(meters);
    }

    /** Keeps the complete copies an earlier run left; removes unfinished ones. */
    private void adopt() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (ObjectId.isValid(name) && Files.isRegularFile(file)) {
                    copies.put(name, new Copy(file, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
                } else if (name.endsWith(PART)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (!copies.isEmpty()) {
            log.info("{} local video copies ({} MB) kept from an earlier run in {}", copies.size(), used() >> 20, dir);
        }
    }

    /**
     * The complete local copy of GridFS file {@code fileId}, or empty: then a copy is started in the
     * background unless one is under way or failed (or did not fit) in the last minutes.
     */
    Optional<Path> find(String fileId) {
        if (budget == 0 || !ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        Copy copy = copies.get(fileId);
        if (copy != null && Files.isReadable(copy.path)) {
            copy.lastUsed = clock.millis();
            return Optional.of(copy.path);
        }
        if (copy != null) {
            copies.remove(fileId, copy); // removed behind our back (someone cleared the directory)
        }
        Long refusedAt = refused.get(fileId);
        if ((refusedAt == null || clock.millis() - refusedAt > RETRY_AFTER.toMillis())
                && copying.putIfAbsent(fileId, 0L) == null) {
            try {
                copier.execute(() -> copy(fileId));
            } catch (RejectedExecutionException closing) {
                copying.remove(fileId);
            }
        }
        return Optional.empty();
    }

    /** Bytes the copies take, those under way included. */
    long used() {
        return copies.values().stream().mapToLong(c -> c.size).sum() + copying.values().stream().mapToLong(Long::longValue).sum();
    }

    private void copy(String fileId) {
        // Named for this attempt: an instance wrongly given the same directory cannot write into it.
        Path part = dir.resolve(fileId + "." + java.util.UUID.randomUUID() + PART);
        long started = System.nanoTime();
        try {
            VideoStore.StoredFile file = store.find(new ObjectId(fileId));
            if (file == null) {
                return; // deleted since: nothing to copy
            }
            long length = file.length();
            if (!makeRoom(fileId, length)) {
                refused.put(fileId, clock.millis());
                log.info("video file {} ({} KB) does not fit in the local copies' {} KB now: streamed from GridFS", fileId,
                        length >> 10, budget >> 10);
                return;
            }
            try (InputStream in = store.open(file, 0, length);
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                         StandardOpenOption.WRITE)) {
                in.transferTo(out);
            }
            long written = Files.size(part);
            if (written != length) {
                throw new IOException("copied " + written + " of " + length + " bytes");
            }
            Path target = dir.resolve(fileId);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            copies.put(fileId, new Copy(target, length, clock.millis()));
            refused.remove(fileId);
            log.info("video file {} copied to local disk: {} KB in {} ms", fileId, length >> 10,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            refused.put(fileId, clock.millis());
            log.warn("video file {} could not be copied to local disk; it is streamed from GridFS meanwhile: {}", fileId,
                    e.toString());
            deleteQuietly(part);
        } finally {
            copying.remove(fileId);
        }
    }

    /** Removes idle copies, least recently streamed first, until {@code length} more bytes fit; reserves them. */
    private synchronized boolean makeRoom(String fileId, long length) {
        long used = used();
        long idleBefore = clock.millis() - IN_USE.toMillis();
        var idle = copies.entrySet().stream().filter(e -> e.getValue().lastUsed < idleBefore)
                .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed)).toList();
        for (var entry : idle) {
            if (used + length <= budget) {
                break;
            }
            if (copies.remove(entry.getKey(), entry.getValue())) {
                deleteQuietly(entry.getValue().path);
                used -= entry.getValue().size;
                log.info("local copy of video file {} removed to make room", entry.getKey());
            }
        }
        if (used + length > budget) {
            return false;
        }
        copying.put(fileId, length);
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        copier.shutdownNow();
        copier.awaitTermination(5, TimeUnit.SECONDS);
    }
}
