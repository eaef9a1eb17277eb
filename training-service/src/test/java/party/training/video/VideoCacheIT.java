package party.training.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;
import party.training.it.IntegrationTest;
import party.training.it.TestClock;
import party.training.support.TrainingProperties;

/**
 * The local copies against the real GridFS bucket: each test has a cache of its own (directory,
 * size, clock), so that what other tests stream does not count against its size.
 */
class VideoCacheIT extends IntegrationTest {

    static final int KIB = 1024;

    @Autowired
    VideoStore store;

    final Path dir = Path.of("target", "video-cache-test-" + UUID.randomUUID());
    final TestClock clock = new TestClock();
    VideoCache cache;

    VideoCache cache(DataSize size) {
        TrainingProperties.Video video = new TrainingProperties.Video(null, null, null, null, null, null, dir, size);
        cache = new VideoCache(store, new TrainingProperties(null, null, null, video, null), clock, new SimpleMeterRegistry());
        return cache;
    }

    @AfterEach
    void close() throws Exception {
        if (cache != null) {
            cache.close();
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    String stored(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return store.bucket().uploadFromStream("cache-test", new ByteArrayInputStream(data),
                new GridFSUploadOptions().chunkSizeBytes(100 * KIB)).toHexString();
    }

    Path copied(VideoCache cache, String fileId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> cache.find(fileId), Optional::isPresent).orElseThrow();
    }

    @Test
    void copiesStayWithinTheirSizeAndTheLeastRecentlyStreamedIdleOneMakesRoom() throws Exception {
        VideoCache cache = cache(DataSize.ofKilobytes(2000));
        String a = stored(900 * KIB);
        String b = stored(900 * KIB + 1);
        String c = stored(900 * KIB + 2);
        assertThat(cache.find(a)).isEmpty(); // the first stream starts the copy
        Path copyOfA = copied(cache, a);
        assertThat(Files.size(copyOfA)).isEqualTo(900 * KIB);
        clock.advance(Duration.ofSeconds(10));
        Path copyOfB = copied(cache, b);

        // A and B were streamed within the minute: C does not fit and is not copied.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> cache.find(c).isEmpty() && !Files.exists(dir.resolve(c)));
        assertThat(cache.used()).isEqualTo(1800 * KIB + 1);

        // Later A and B are idle: C's copy removes A, the least recently streamed, and B stays.
        clock.advance(VideoCache.RETRY_AFTER.plusSeconds(1));
        copied(cache, c);
        assertThat(copyOfA).doesNotExist();
        assertThat(copyOfB).exists();
        assertThat(cache.used()).isEqualTo(1800 * KIB + 3).isLessThanOrEqualTo(2000 * KIB);
    }

    @Test
    void aVideoLargerThanTheSizeOrACacheOfSizeZeroIsNeverCopied() {
        String large = stored(600 * KIB);
        VideoCache small = cache(DataSize.ofKilobytes(500));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> small.find(large).isEmpty());
        assertThat(dir.resolve(large)).doesNotExist();
        assertThat(small.used()).isZero();

        VideoCache off = new VideoCache(store, new TrainingProperties(null, null, null, new TrainingProperties.Video(null,
                null, null, null, null, null, dir.resolve("off"), DataSize.ofBytes(0)), null), clock, new SimpleMeterRegistry());
        assertThat(off.find(large)).isEmpty();
        assertThat(dir.resolve("off")).doesNotExist();
    }

    @Test
    void atStartCompleteCopiesAreKeptAndUnfinishedOnesRemoved() throws Exception {
        String fileId = stored(300 * KIB);
        cache(DataSize.ofMegabytes(10));
        Path complete = copied(cache, fileId);
        cache.close();
        Path unfinished = Files.write(dir.resolve(new ObjectId().toHexString() + ".part"), new byte[10]);

        VideoCache restarted = cache(DataSize.ofMegabytes(10));
        assertThat(unfinished).doesNotExist();
        assertThat(restarted.find(fileId)).contains(complete.toAbsolutePath().normalize());
        assertThat(restarted.used()).isEqualTo(300 * KIB);
    }
}
