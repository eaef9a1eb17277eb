package party.training.video;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.roster.Roster;
import party.training.roster.RosterMember;
import party.training.support.Scopes;
import party.training.support.TrainingProperties;

/**
 * Recorded videos: uploaded (multipart, streamed into GridFS, never held in memory), listed,
 * streamed by byte ranges. Visible to those managing the video's organization and to members of
 * branches in its subtree.
 */
@Service
public class VideoService {

    private final MongoTemplate mongo;
    private final VideoStore videoStore;
    private final VideoCache cache;
    private final AggregateStore store;
    private final Scopes scopes;
    private final Roster roster;
    private final TrainingProperties properties;
    private final Clock clock;
    /**
     * Videos by id. A video never changes once published (nothing updates or deletes one), so each
     * replica reads it once: a player's Range requests are many, and the read was a third of
     * training-service's CPU per request. Misses are not kept.
     */
    private final Cache<String, Video> published = Caffeine.newBuilder().maximumSize(10_000).build();

    VideoService(MongoTemplate mongo, VideoStore videoStore, VideoCache cache, AggregateStore store, Scopes scopes,
                 Roster roster, TrainingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.videoStore = videoStore;
        this.cache = cache;
        this.store = store;
        this.scopes = scopes;
        this.roster = roster;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws ApiException 413 over the size limit, 415 not a video, 422 empty file; 403 outside scope
     */
    public Video upload(String orgId, String title, long durationSeconds, Long creditCenti, MultipartFile file, CurrentUser user) {
        OrgNode org = scopes.managedActive(orgId, user);
        String contentType = file.getContentType() == null ? "" : file.getContentType().toLowerCase();
        if (!contentType.startsWith("video/")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "video-type-not-allowed", null, contentType);
        }
        if (file.getSize() > properties.video().maxUploadSize().toBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "video-too-large", null,
                    properties.video().maxUploadSize().toMegabytes());
        }
        if (file.isEmpty()) {
            throw ApiException.unprocessable("video-empty");
        }
        long credit = creditCenti != null ? creditCenti : durationSeconds / 36;
        String id = UUID.randomUUID().toString();
        ObjectId fileId;
        try (InputStream in = file.getInputStream()) {
            // Chunks of the configured size (1 MiB): streaming costs a MongoDB round trip per chunk.
            fileId = videoStore.bucket().uploadFromStream(id, in, new GridFSUploadOptions()
                    .chunkSizeBytes((int) properties.video().chunkSize().toBytes())
                    .metadata(new Document("contentType", contentType).append("videoId", id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return store.save(Video.publish(id, org.id(), title.strip(), fileId.toHexString(), contentType, file.getSize(),
                    durationSeconds, credit, user.id(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        } catch (RuntimeException e) {
            videoStore.bucket().delete(fileId);
            throw e;
        }
    }

    public Video get(String id, CurrentUser user) {
        Video video = id == null ? null : published.get(id, key -> mongo.findById(key, Video.class));
        OrgNode org = video == null ? null : scopes.find(video.getOrgId()).orElse(null);
        if (org == null || !(user.manages(org.ancestorsAndSelf()) || watcherBranch(user, org) != null)) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("video"));
        }
        return video;
    }

    /** The caller's roster entry when they are a member of a branch under the video's organization, else null. */
    RosterMember watcherBranch(CurrentUser user, OrgNode videoOrg) {
        if (user.memberId() == null) {
            return null;
        }
        RosterMember member = roster.find(user.memberId()).filter(RosterMember::active).orElse(null);
        if (member == null) {
            return null;
        }
        return scopes.find(member.orgId()).filter(branch -> branch.ancestorsAndSelf().contains(videoOrg.id())).isPresent()
                ? member : null;
    }

    public PageResponse<Video> list(String orgId, PageRequest page, CurrentUser user) {
        Query query = Query.query(Criteria.where("orgId").in(scopes.visibleSubtree(orgId, user)));
        long total = mongo.count(query, Video.class);
        List<Video> items = mongo.find(query.with(Sort.by(Sort.Order.desc("uploadedAt"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), Video.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** The videos a member may watch: of their branch and the organizations above it, newest first. */
    public PageResponse<Video> forMember(CurrentUser user, PageRequest page) {
        if (user.memberId() == null) {
            throw ApiException.forbidden("not-a-member-account");
        }
        OrgNode branch = roster.find(user.memberId()).filter(RosterMember::active).flatMap(m -> scopes.find(m.orgId())).orElse(null);
        if (branch == null) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        Query query = Query.query(Criteria.where("orgId").in(branch.ancestorsAndSelf()));
        long total = mongo.count(query, Video.class);
        List<Video> items = mongo.find(query.with(Sort.by(Sort.Order.desc("uploadedAt"), Sort.Order.asc("_id")))
                .skip(page.offset()).limit(page.size()), Video.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /**
     * The complete local copy of the video's file on this instance, to be sent with sendfile; empty
     * while there is none yet (one is made in the background, see {@link VideoCache}).
     */
    public Optional<Path> localCopy(Video video) {
        return cache.find(video.getFileId());
    }

    /**
     * The video's bytes from {@code start}, {@code length} of them, read chunk by chunk
     * ({@link GridFsChunkStream}): memory stays at one chunk whatever the file's size, and a range
     * reads only the chunks it covers. The stream's {@link InputStream#transferTo} writes whole
     * chunks without copying them.
     */
    public InputStream open(Video video, long start, long length) {
        VideoStore.StoredFile file = videoStore.find(new ObjectId(video.getFileId()));
        if (file == null) {
            throw new IllegalStateException("the GridFS file of video " + video.getId() + " is missing");
        }
        return videoStore.open(file, start, length);
    }
}
