package party.training.video.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.support.Hours;
import party.training.support.TrainingProperties;
import party.training.video.Video;
import party.training.video.VideoService;
import party.training.video.WatchProgress;
import party.training.video.WatchSegments;
import party.training.video.WatchService;

/** Recorded videos: upload, streaming with byte ranges, watch progress from heartbeats. */
@RestController
class VideoController {

    static final String PATH = "/api/v1/trainings/videos";

    /*
     * Tomcat sends the file these request attributes name with sendfile(2) once the handler returns,
     * as its DefaultServlet does; "support" is set by a connector that can.
     */
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final VideoService videos;
    private final WatchService watching;
    private final PlatformProperties properties;
    private final TrainingProperties training;
    private final Counter fromLocalCopy;
    private final Counter fromGridFs;

    VideoController(VideoService videos, WatchService watching, PlatformProperties properties, TrainingProperties training,
                    MeterRegistry meters) {
        this.videos = videos;
        this.watching = watching;
        this.properties = properties;
        this.training = training;
        this.fromLocalCopy = streams(meters, "local-copy");
        this.fromGridFs = streams(meters, "gridfs");
    }

    private static Counter streams(MeterRegistry meters, String source) {
        return Counter.builder("training.video.streams").tag("source", source)
                .description("video content responses, by where their bytes came from").register(meters);
    }

    /** Multipart upload: part {@code file} (video/*), fields orgId, title, durationSeconds, optional creditHours. */
    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<VideoResponse> upload(@RequestPart("file") MultipartFile file, @RequestParam String orgId,
                                         @RequestParam String title, @RequestParam long durationSeconds,
                                         @RequestParam(required = false) BigDecimal creditHours) {
        if (title.isBlank() || title.length() > 200 || durationSeconds < 1 || durationSeconds > 24 * 3600
                || (creditHours != null && (creditHours.signum() < 0 || creditHours.compareTo(BigDecimal.valueOf(24)) > 0))) {
            throw ApiException.badRequest("video-invalid-fields");
        }
        Video video = videos.upload(orgId, title, durationSeconds, creditHours == null ? null : Hours.centi(creditHours), file,
                CurrentUser.get());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + video.getId()))
                .eTag(ETags.of(video.getVersion())).cacheControl(CacheControl.noStore()).body(VideoResponse.of(video));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<VideoResponse> get(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(VideoResponse.of(videos.get(id, CurrentUser.get())));
    }

    @GetMapping(PATH)
    ResponseEntity<PageResponse<VideoResponse>> list(@RequestParam String orgId, @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(videos.list(orgId,
                PageRequest.of(page, size, properties.paging()), CurrentUser.get()).map(VideoResponse::of));
    }

    /** The videos the caller (member account) may watch. */
    @GetMapping("/api/v1/trainings/me/videos")
    ResponseEntity<PageResponse<VideoResponse>> mine(@RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(videos.forMember(CurrentUser.get(),
                PageRequest.of(page, size, properties.paging())).map(VideoResponse::of));
    }

    /**
     * The bytes: 200 with the whole file, or 206 with one range; 416 for a range beyond the end.
     * Sent from this instance's local copy of the file with sendfile once it has one, until then
     * written from GridFS to the response a chunk at a time; memory does not grow with the file.
     */
    @GetMapping(PATH + "/{id}/content")
    void content(@PathVariable String id, @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        Video video = videos.get(id, CurrentUser.get());
        long size = video.getSize();
        ByteRange bytes;
        try {
            bytes = ByteRange.parse(range, size);
        } catch (ByteRange.Unsatisfiable e) {
            throw new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
                    Map.of("size", size), range, size);
        }
        long start = bytes == null ? 0 : bytes.start();
        long length = bytes == null ? size : bytes.length();
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=0");
        response.setContentType(video.getContentType());
        response.setContentLengthLong(length);
        if (bytes != null) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + bytes.start() + "-" + bytes.end() + "/" + size);
        }
        if (HttpMethod.GET.matches(request.getMethod()) && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            Optional<Path> copy = videos.localCopy(video);
            if (copy.isPresent()) {
                request.setAttribute(SENDFILE_FILENAME, copy.get().toString());
                request.setAttribute(SENDFILE_START, start);
                request.setAttribute(SENDFILE_END, start + length);
                fromLocalCopy.increment();
                return;
            }
        }
        fromGridFs.increment();
        // The response buffer is what the connection gets per write; Tomcat's default (8 KiB) cut each
        // chunk into many small socket writes.
        response.setBufferSize((int) training.video().bufferSize().toBytes());
        try (InputStream in = videos.open(video, start, length)) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    /** Starts (or resumes) watching; heartbeats are accepted only after this. */
    @PostMapping(PATH + "/{id}/views")
    ResponseEntity<ProgressResponse> start(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ProgressResponse.of(watching.start(id, CurrentUser.get())));
    }

    /** A heartbeat of the player, about every 15 s: sequence number, position in seconds, whether playing. */
    @PostMapping(PATH + "/{id}/heartbeats")
    ResponseEntity<ProgressResponse> heartbeat(@PathVariable String id, @Valid @RequestBody HeartbeatRequest body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ProgressResponse.of(watching.heartbeat(id,
                body.seq(), body.position(), body.playing(), CurrentUser.get())));
    }

    @GetMapping(PATH + "/{id}/progress")
    ResponseEntity<ProgressResponse> progress(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ProgressResponse.of(watching.progress(id, CurrentUser.get())));
    }

    record HeartbeatRequest(@NotNull @Min(0) Long seq, @NotNull @DecimalMin("0") @DecimalMax("90000") Double position,
                            @NotNull Boolean playing) {
    }

    record ProgressResponse(String videoId, String memberId, long durationSeconds, double watchedSeconds, double share,
                            boolean completed, boolean credited, List<WatchSegments.Segment> segments) {
        static ProgressResponse of(WatchProgress p) {
            double share = p.durationSeconds() == 0 ? 0 : Math.min(1, p.watchedSeconds() / p.durationSeconds());
            return new ProgressResponse(p.videoId(), p.memberId(), p.durationSeconds(), p.watchedSeconds(),
                    Math.round(share * 10000) / 10000.0, p.completed(), p.credited(), p.segments());
        }
    }

    record VideoResponse(String id, String orgId, String title, String contentType, long size, long durationSeconds,
                         BigDecimal creditHours, String uploadedBy, Instant uploadedAt) {
        static VideoResponse of(Video v) {
            return new VideoResponse(v.getId(), v.getOrgId(), v.getTitle(), v.getContentType(), v.getSize(),
                    v.getDurationSeconds(), Hours.decimal(v.getCreditCenti()), v.getUploadedBy(), v.getUploadedAt());
        }
    }
}
