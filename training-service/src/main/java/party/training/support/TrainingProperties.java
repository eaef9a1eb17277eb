package party.training.support;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Local training rules (configurable, not hard-coded) under {@code party.training}.
 *
 * @param targets default yearly credit-hour targets when an organization's plan names none
 * @param lectureHours credit hours of a Party lecture (党课) attended, from organization-service's events
 * @param checkIn the check-in window of on-site and live sessions
 * @param video upload limit and the rules of credited watch time
 * @param conference the configured video-conference provider live sessions use
 */
@ConfigurationProperties("party.training")
public record TrainingProperties(Targets targets, BigDecimal lectureHours, CheckIn checkIn, Video video,
                                 Conference conference) {

    public TrainingProperties {
        targets = targets == null ? new Targets(null, null) : targets;
        lectureHours = lectureHours == null ? new BigDecimal("2") : lectureHours;
        checkIn = checkIn == null ? new CheckIn(null, null, null) : checkIn;
        video = video == null ? new Video(null, null, null, null, null, null, null, null) : video;
        conference = conference == null ? new Conference(null, null, null) : conference;
        if (lectureHours.signum() < 0) {
            throw new IllegalArgumentException("party.training.lecture-hours must not be negative");
        }
    }

    /**
     * @param memberHours every member's yearly target (default 32)
     * @param leaderHours branch secretaries' and committee members' yearly target (default 56)
     */
    public record Targets(BigDecimal memberHours, BigDecimal leaderHours) {
        public Targets {
            memberHours = memberHours == null ? new BigDecimal("32") : memberHours;
            leaderHours = leaderHours == null ? new BigDecimal("56") : leaderHours;
        }
    }

    /**
     * @param opensBefore how long before the start a check-in is accepted (default 30 min)
     * @param lateAfter a check-in later than the start plus this is a late arrival (default 5 min)
     * @param closesAfter how long after the end a check-out is accepted (default 30 min)
     */
    public record CheckIn(Duration opensBefore, Duration lateAfter, Duration closesAfter) {
        public CheckIn {
            opensBefore = opensBefore == null ? Duration.ofMinutes(30) : opensBefore;
            lateAfter = lateAfter == null ? Duration.ofMinutes(5) : lateAfter;
            closesAfter = closesAfter == null ? Duration.ofMinutes(30) : closesAfter;
        }
    }

    /**
     * @param maxUploadSize largest video accepted (default 2GB; keep spring.servlet.multipart limits at least as large)
     * @param maxPlaybackSpeed the fastest playback credited: content beyond wall time x this is not credited (default 2.0)
     * @param idleLimit a gap between heartbeats longer than this credits nothing (default 60 s)
     * @param completeShare share of the video's length watched that completes it (default 0.9)
     * @param bufferSize the response buffer when streaming: bytes handed to the connection per write (default 64 KiB;
     *                   Tomcat's own 8 KiB cut every chunk into many small writes)
     * @param chunkSize GridFS chunk size of new uploads (default 1 MiB; files keep the size they were stored with):
     *                  streaming costs one MongoDB round trip per chunk
     * @param cacheDir where this instance keeps local copies of the videos it streams (default
     *                 {@code training-video-cache} in the temporary directory); one instance per directory
     * @param cacheSize the most the copies take on disk (default 4GB; 0 turns the copies off)
     */
    public record Video(DataSize maxUploadSize, Double maxPlaybackSpeed, Duration idleLimit, Double completeShare,
                        DataSize bufferSize, DataSize chunkSize, Path cacheDir, DataSize cacheSize) {
        public Video {
            maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(2) : maxUploadSize;
            maxPlaybackSpeed = maxPlaybackSpeed == null ? 2.0 : maxPlaybackSpeed;
            idleLimit = idleLimit == null ? Duration.ofSeconds(60) : idleLimit;
            completeShare = completeShare == null ? 0.9 : completeShare;
            bufferSize = bufferSize == null ? DataSize.ofKilobytes(64) : bufferSize;
            chunkSize = chunkSize == null ? DataSize.ofMegabytes(1) : chunkSize;
            cacheDir = cacheDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "training-video-cache") : cacheDir;
            cacheSize = cacheSize == null ? DataSize.ofGigabytes(4) : cacheSize;
            if (maxPlaybackSpeed < 1 || completeShare <= 0 || completeShare > 1) {
                throw new IllegalArgumentException("party.training.video: max-playback-speed >= 1, 0 < complete-share <= 1");
            }
            // A chunk is one document: MongoDB's limit is 16 MB, with room for the chunk's other fields.
            if (chunkSize.toBytes() < 1024 || chunkSize.toBytes() > 15L * 1024 * 1024) {
                throw new IllegalArgumentException("party.training.video.chunk-size: from 1KB to 15MB");
            }
            if (bufferSize.toBytes() < 1024 || bufferSize.toBytes() > 16L * 1024 * 1024) {
                throw new IllegalArgumentException("party.training.video.buffer-size: from 1KB to 16MB");
            }
            if (cacheSize.toBytes() < 0) {
                throw new IllegalArgumentException("party.training.video.cache-size must not be negative");
            }
        }
    }

    /**
     * @param provider name of the video-conference system (seed: 共产党员之家)
     * @param joinUrlTemplate join link of a room; {@code {room}} is replaced by the room id
     * @param callbackSecret shared secret the provider sends in {@code X-Conference-Secret} with join and leave callbacks
     */
    public record Conference(String provider, String joinUrlTemplate, String callbackSecret) {
        public Conference {
            provider = provider == null ? "共产党员之家" : provider;
            joinUrlTemplate = joinUrlTemplate == null ? "https://meeting.example.cn/j/{room}" : joinUrlTemplate;
        }
    }
}
