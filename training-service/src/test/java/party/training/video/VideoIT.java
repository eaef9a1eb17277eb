package party.training.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import party.training.it.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Upload to GridFS with its limits, Range streaming, and credited watch time from heartbeats. */
class VideoIT extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    party.training.support.TrainingProperties training;

    static final String BOUNDARY = "----training-it-boundary";

    static byte[] multipart(byte[] file, String contentType, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lecture.mp4\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Response upload(String token, String orgId, byte[] file, String contentType, long durationSeconds) {
        return post("/api/v1/trainings/videos", token, multipart(file, contentType, Map.of("orgId", orgId, "title", "微党课",
                "durationSeconds", String.valueOf(durationSeconds), "creditHours", "0.5")),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    static byte[] bytes(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    @Test
    void uploadsOverTheLimitOrNotVideosAreRefusedAndStoreNothing() {
        Orgs orgs = orgs();
        long before = count(Video.COLLECTION);
        long filesBefore = count("video_files.files");
        Response tooLarge = upload(staff(orgs), orgs.branchA(), bytes(1024 * 1024 + 1), "video/mp4", 60);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.problem()).isEqualTo("video-too-large");
        Response notVideo = upload(staff(orgs), orgs.branchA(), bytes(1000), "application/pdf", 60);
        assertThat(notVideo.status()).isEqualTo(415);
        assertThat(notVideo.problem()).isEqualTo("video-type-not-allowed");
        assertThat(upload(secretary(orgs.branchB()), orgs.branchA(), bytes(1000), "video/mp4", 60).status()).isEqualTo(403);
        assertThat(upload(member("m"), orgs.branchA(), bytes(1000), "video/mp4", 60).status()).isEqualTo(403);
        assertThat(upload(staff(orgs), orgs.branchA(), bytes(1000), "video/mp4", 0).problem()).isEqualTo("video-invalid-fields");
        assertThat(count(Video.COLLECTION)).isEqualTo(before);
        assertThat(count("video_files.files")).isEqualTo(filesBefore);
    }

    @Test
    void videosStreamWithRangeRequests() {
        Orgs orgs = orgs();
        byte[] data = bytes(700 * 1024);
        Response uploaded = upload(staff(orgs), orgs.committee(), data, "video/mp4", 600);
        assertThat(uploaded.status()).isEqualTo(201);
        String id = uploaded.json().path("id").asString();
        JsonNode event = awaitEvent("party.training.video-published.v1", id);
        assertThat(event.path("size").asLong()).isEqualTo(data.length);

        String memberA = registeredMember(orgs.branchA());
        assertThat(ids(get("/api/v1/trainings/me/videos", member(memberA)).json().path("items"), "id")).containsExactly(id);
        String path = "/api/v1/trainings/videos/" + id + "/content";
        Response whole = get(path, member(memberA));
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.bytes()).isEqualTo(data);

        // Stored in chunks of the configured size (100 KiB here), not the driver's 255 KiB.
        String fileId = mongo.findById(id, Video.class).getFileId();
        org.bson.Document file = mongo.getCollection("video_files.files").find(new org.bson.Document("_id",
                new org.bson.types.ObjectId(fileId))).first();
        assertThat(file.get("chunkSize", Number.class).intValue()).isEqualTo(100 * 1024);
        // Ranges across several chunk boundaries, read ahead chunk by chunk, and ending on one.
        Response part = get(path, member(memberA), "Range", "bytes=261000-600000");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 261000-600000/" + data.length);
        assertThat(part.bytes()).isEqualTo(Arrays.copyOfRange(data, 261000, 600001));
        Response toBoundary = get(path, member(memberA), "Range", "bytes=102399-307199");
        assertThat(toBoundary.bytes()).isEqualTo(Arrays.copyOfRange(data, 102399, 307200));
        Response tail = get(path, member(memberA), "Range", "bytes=-100");
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(data, data.length - 100, data.length));
        Response open = get(path, member(memberA), "Range", "bytes=700000-");
        assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(data, 700000, data.length));

        Response beyond = get(path, member(memberA), "Range", "bytes=" + data.length + "-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.problem()).isEqualTo("range-not-satisfiable");

        // Members of another committee's branches do not see it.
        Orgs other = orgs();
        assertThat(get(path, member(registeredMember(other.branchA()))).status()).isEqualTo(404);

        // The bytes went through the video store's own client: the application's client times its
        // commands (the video's metadata among them) but never touched a chunk, whose every 1 MiB
        // its command listener would copy again.
        assertThat(meters.find("mongodb.driver.commands").tag("collection", Video.COLLECTION).timers()).isNotEmpty();
        assertThat(meters.find("mongodb.driver.commands").tag("collection", VideoStore.BUCKET + ".chunks").timers()).isEmpty();
    }

    long videoFinds() {
        return meters.find("mongodb.driver.commands").tag("collection", Video.COLLECTION).tag("command", "find").timers()
                .stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    double streams(String source) {
        return meters.find("training.video.streams").tag("source", source).counter().count();
    }

    @Test
    void aVideoIsSentFromItsLocalCopyOnceItIsMade() throws Exception {
        Orgs orgs = orgs();
        byte[] data = bytes(650 * 1024 + 17);
        String id = upload(staff(orgs), orgs.committee(), data, "video/mp4", 600).json().path("id").asString();
        String path = "/api/v1/trainings/videos/" + id + "/content";
        String token = member(registeredMember(orgs.branchA()));
        java.nio.file.Path copy = training.video().cacheDir().resolve(mongo.findById(id, Video.class).getFileId());

        // The first stream comes from GridFS and starts the copy.
        double fromGridFs = streams("gridfs");
        assertThat(get(path, token).bytes()).isEqualTo(data);
        assertThat(streams("gridfs")).isEqualTo(fromGridFs + 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(copy));
        assertThat(java.nio.file.Files.readAllBytes(copy)).isEqualTo(data);

        // Then Tomcat sends the copy's bytes (sendfile), whole or by range, with the same headers.
        double fromCopy = streams("local-copy");
        Response whole = get(path, token);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(data.length));
        assertThat(whole.bytes()).isEqualTo(data);
        Response part = get(path, token, "Range", "bytes=261000-600000");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 261000-600000/" + data.length);
        assertThat(part.bytes()).isEqualTo(Arrays.copyOfRange(data, 261000, 600001));
        assertThat(get(path, token, "Range", "bytes=-100").bytes()).isEqualTo(Arrays.copyOfRange(data, data.length - 100, data.length));
        assertThat(get(path, token, "Range", "bytes=" + data.length + "-").status()).isEqualTo(416);
        assertThat(streams("local-copy")).isEqualTo(fromCopy + 3);
        assertThat(streams("gridfs")).isEqualTo(fromGridFs + 1);

        // The video's document is read once per replica (a video never changes), not once per request
        // (the outbox relay and its sweep may read the collection meanwhile, a few times at most).
        long videoReads = videoFinds();
        for (int i = 0; i < 20; i++) {
            assertThat(get(path, token, "Range", "bytes=" + i + "-" + (i + 9)).bytes()).isEqualTo(Arrays.copyOfRange(data, i, i + 10));
        }
        assertThat(videoFinds() - videoReads).isLessThan(5);
        fromCopy += 20;

        // A copy removed behind the service's back (the directory cleared): GridFS again, and a new copy.
        java.nio.file.Files.delete(copy);
        assertThat(get(path, token, "Range", "bytes=100-199").bytes()).isEqualTo(Arrays.copyOfRange(data, 100, 200));
        assertThat(streams("gridfs")).isEqualTo(fromGridFs + 2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(copy));
        assertThat(get(path, token).bytes()).isEqualTo(data);
        assertThat(streams("local-copy")).isEqualTo(fromCopy + 4);
    }

    Response beat(String id, String memberId, long seq, double position, boolean playing) {
        return post("/api/v1/trainings/videos/" + id + "/heartbeats", member(memberId),
                Map.of("seq", seq, "position", position, "playing", playing));
    }

    @Test
    void watchTimeIsComputedOnTheServerAndCompletesAtTheConfiguredShare() {
        Orgs orgs = orgs();
        String id = upload(staff(orgs), orgs.committee(), bytes(2000), "video/mp4", 100).json().path("id").asString();
        String memberA = registeredMember(orgs.branchA());

        Response notStarted = beat(id, memberA, 1, 15, true);
        assertThat(notStarted.status()).isEqualTo(409);
        assertThat(notStarted.problem()).isEqualTo("video-not-started");
        assertThat(mongo.findById(memberA + "|" + id, WatchProgress.class)).isNull();
        assertThat(post("/api/v1/trainings/videos/" + id + "/views", staff(orgs), null).problem()).isEqualTo("not-a-member-account");

        assertThat(post("/api/v1/trainings/videos/" + id + "/views", member(memberA), null).status()).isEqualTo(200);
        assertThat(beat(id, memberA, 1, 0, true).json().path("watchedSeconds").asDouble()).isCloseTo(0.0, within(0.5));
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(beat(id, memberA, 2, 15, true).json().path("watchedSeconds").asDouble()).isCloseTo(15.0, within(0.5));
        // The same heartbeat again counts once.
        assertThat(beat(id, memberA, 2, 15, true).json().path("watchedSeconds").asDouble()).isCloseTo(15.0, within(0.5));

        // Claiming 60 s of content in 15 s is capped at 2x: 30 s, ending at the position.
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(beat(id, memberA, 3, 75, true).json().path("watchedSeconds").asDouble()).isCloseTo(45.0, within(0.5));
        // Paused: nothing credited for the span, nor for the one after it.
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(beat(id, memberA, 4, 90, false).json().path("watchedSeconds").asDouble()).isCloseTo(45.0, within(0.5));
        // Idle beyond the limit: nothing.
        CLOCK.advance(Duration.ofSeconds(15));
        beat(id, memberA, 5, 90, true);
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(beat(id, memberA, 6, 100, true).json().path("watchedSeconds").asDouble()).isCloseTo(45.0, within(0.5));
        // Watching a part again (seeking back to 0 and playing to 15) counts once.
        beat(id, memberA, 7, 0, true);
        CLOCK.advance(Duration.ofSeconds(15));
        JsonNode overlap = beat(id, memberA, 8, 15, true).json();
        assertThat(overlap.path("watchedSeconds").asDouble()).isCloseTo(45.0, within(0.5));
        assertThat(overlap.path("completed").asBoolean()).isFalse();

        // Fill 15..45 and 75..90: watched reaches 90 of 100 s = the 90% share: complete and credited once.
        CLOCK.advance(Duration.ofSeconds(15));
        beat(id, memberA, 9, 30, true);
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(beat(id, memberA, 10, 45, true).json().path("completed").asBoolean()).isFalse();
        beat(id, memberA, 11, 75, true);
        CLOCK.advance(Duration.ofSeconds(15));
        JsonNode done = beat(id, memberA, 12, 90, true).json();
        assertThat(done.path("watchedSeconds").asDouble()).isGreaterThanOrEqualTo(90.0);
        assertThat(done.path("completed").asBoolean()).isTrue();
        assertThat(done.path("credited").asBoolean()).isTrue();
        CLOCK.advance(Duration.ofSeconds(10));
        beat(id, memberA, 13, 100, true);
        assertThat(get("/api/v1/trainings/me/progress", member(memberA)).json().path("bySource").path("VIDEO").decimalValue())
                .isEqualByComparingTo("0.5");
        JsonNode credit = published("party.training.credit-recorded.v1", "memberId", memberA).stream().findFirst()
                .orElseGet(() -> {
                    awaitPublished(r -> r.value().contains(memberA));
                    return published("party.training.credit-recorded.v1", "memberId", memberA).getFirst();
                });
        assertThat(credit.path("source").asString()).isEqualTo("VIDEO");

        assertThat(beat(id, memberA, 14, 500, true).problem()).isEqualTo("heartbeat-position-beyond-video");
        Response invalid = post("/api/v1/trainings/videos/" + id + "/heartbeats", member(memberA), Map.of("seq", -1, "position", 1));
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void aHeartbeatBuildsOnWhatAnotherReplicaWroteMeanwhile() {
        Orgs orgs = orgs();
        String id = upload(staff(orgs), orgs.committee(), bytes(2000), "video/mp4", 100).json().path("id").asString();
        String memberA = registeredMember(orgs.branchA());
        assertThat(post("/api/v1/trainings/videos/" + id + "/views", member(memberA), null).status()).isEqualTo(200);
        beat(id, memberA, 1, 0, true);
        CLOCK.advance(Duration.ofSeconds(15));
        assertThat(beat(id, memberA, 2, 15, true).json().path("watchedSeconds").asDouble()).isCloseTo(15.0, within(0.5));

        // Heartbeat 3 went to another replica: the stored progress moved on without this one knowing.
        CLOCK.advance(Duration.ofSeconds(15));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(memberA + "|" + id)),
                new org.springframework.data.mongodb.core.query.Update().set("seq", 3L).set("lastAtMillis", CLOCK.millis())
                        .set("lastPosition", 30.0).set("lastPlaying", true)
                        .set("segments", java.util.List.of(new WatchSegments.Segment(0, 30))).set("watchedSeconds", 30.0),
                WatchProgress.class);

        CLOCK.advance(Duration.ofSeconds(15));
        Response fourth = beat(id, memberA, 4, 45, true);
        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.json().path("watchedSeconds").asDouble()).isCloseTo(45.0, within(0.5));
        // Heartbeat 3 delivered here too (a retry): already counted, nothing changes.
        assertThat(beat(id, memberA, 3, 30, true).json().path("watchedSeconds").asDouble()).isCloseTo(45.0, within(0.5));
        WatchProgress stored = mongo.findById(memberA + "|" + id, WatchProgress.class);
        assertThat(stored.seq()).isEqualTo(4);
        assertThat(stored.watchedSeconds()).isCloseTo(45.0, within(0.5));
    }
}
