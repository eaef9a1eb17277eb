package party.training.video;

import java.time.Clock;
import java.util.List;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.training.ledger.Credit;
import party.training.ledger.CreditSource;
import party.training.ledger.Ledger;
import party.training.roster.RosterMember;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;
import party.training.support.TrainingProperties;

/**
 * Watch progress from heartbeats. Starting a video creates the member's progress document;
 * each heartbeat is one write guarded by the sequence it builds on, so a duplicate (same or older
 * sequence) changes nothing and two racing heartbeats cannot both count. The state it builds on
 * is the one this replica wrote or read last (a bounded cache), else a read by _id: a player's
 * heartbeats are one write each instead of a read and a write. The guard keeps the database the
 * authority: when another replica wrote in between, the write changes nothing, and the heartbeat
 * is computed again from a fresh read. When the watched share reaches the configured one, the
 * video's credit hours go to the ledger once.
 */
@Service
public class WatchService implements InitializingBean {

    private final MongoTemplate mongo;
    private final VideoService videos;
    private final Scopes scopes;
    private final Ledger ledger;
    private final TrainingProperties properties;
    private final Clock clock;
    /** Watchers' last known progress, by id; 20,000 small documents per replica at most. */
    private final Cache<String, WatchProgress> recent = Caffeine.newBuilder().maximumSize(20_000).build();

    WatchService(MongoTemplate mongo, VideoService videos, Scopes scopes, Ledger ledger, TrainingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.videos = videos;
        this.scopes = scopes;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(WatchProgress.class).createIndex(new Index("_id", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .unique().named("idSeq"));
    }

    /** Starts (or resumes) watching: the member must be of a branch under the video's organization. */
    public WatchProgress start(String videoId, CurrentUser user) {
        String memberId = own(user);
        Video video = videos.get(videoId, user);
        OrgNode org = scopes.find(video.getOrgId()).orElseThrow();
        RosterMember member = videos.watcherBranch(user, org);
        if (member == null) {
            throw ApiException.forbidden("video-members-only");
        }
        String id = WatchProgress.idOf(memberId, videoId);
        WatchProgress existing = mongo.findById(id, WatchProgress.class);
        if (existing != null) {
            return existing;
        }
        WatchProgress started = new WatchProgress(id, memberId, videoId, member.orgId(), video.getDurationSeconds(), -1,
                clock.millis(), 0, false, List.of(), 0, false, false);
        try {
            return mongo.insert(started);
        } catch (DuplicateKeyException concurrent) {
            return mongo.findById(id, WatchProgress.class);
        }
    }

    /**
     * One heartbeat.
     *
     * @throws ApiException 409 for a video the member has not started, or a heartbeat that lost a race
     */
    public WatchProgress heartbeat(String videoId, long seq, double position, boolean playing, CurrentUser user) {
        String id = WatchProgress.idOf(own(user), videoId);
        WatchProgress known = recent.getIfPresent(id);
        WatchProgress p = known != null ? known : mongo.findById(id, WatchProgress.class);
        if (p == null) {
            throw ApiException.conflict("video-not-started", videoId);
        }
        WatchProgress after = advance(p, seq, position, playing);
        if (after == null && known != null) {
            // This replica's copy was behind (another replica took the member's last heartbeats).
            recent.invalidate(id);
            p = mongo.findById(id, WatchProgress.class);
            if (p == null) {
                throw ApiException.conflict("video-not-started", videoId);
            }
            after = advance(p, seq, position, playing);
        }
        if (after == null) {
            WatchProgress now = mongo.findById(id, WatchProgress.class);
            if (now != null && now.seq() >= seq) {
                return now; // the same heartbeat, delivered twice at once
            }
            throw ApiException.conflict("heartbeat-race");
        }
        if (after.completed() && !after.credited()) {
            after = credit(after);
        }
        recent.put(id, after);
        return after;
    }

    /**
     * The heartbeat applied to {@code p} and written, guarded by {@code p}'s sequence; {@code p}
     * itself for a duplicate or late heartbeat; null when the stored document is no longer {@code p}.
     */
    private WatchProgress advance(WatchProgress p, long seq, double position, boolean playing) {
        if (seq <= p.seq()) {
            return p; // a duplicate or a late one: counted once, already
        }
        if (position > p.durationSeconds() + 5) {
            throw ApiException.unprocessable("heartbeat-position-beyond-video", position, p.durationSeconds());
        }
        long now = clock.millis();
        WatchRules rules = new WatchRules(properties.video().maxPlaybackSpeed(), properties.video().idleLimit());
        List<WatchSegments.Segment> segments = rules.credited(new WatchRules.Beat(p.lastAtMillis(), p.lastPosition(), p.lastPlaying()),
                        new WatchRules.Beat(now, position, playing), p.durationSeconds())
                .map(s -> WatchSegments.merge(p.segments(), s)).orElse(p.segments());
        double watched = WatchSegments.total(segments);
        boolean completed = p.completed() || watched >= properties.video().completeShare() * p.durationSeconds();
        Update update = new Update().set("seq", seq).set("lastAtMillis", now).set("lastPosition", position)
                .set("lastPlaying", playing).set("segments", segments).set("watchedSeconds", watched).set("completed", completed);
        long modified = mongo.updateFirst(Query.query(Criteria.where("_id").is(p.id()).and("seq").is(p.seq())), update,
                WatchProgress.class).getModifiedCount();
        if (modified == 0) {
            return null;
        }
        return new WatchProgress(p.id(), p.memberId(), p.videoId(), p.orgId(), p.durationSeconds(), seq, now,
                position, playing, segments, watched, completed, p.credited());
    }

    public WatchProgress progress(String videoId, CurrentUser user) {
        WatchProgress p = mongo.findById(WatchProgress.idOf(own(user), videoId), WatchProgress.class);
        if (p == null) {
            throw ApiException.conflict("video-not-started", videoId);
        }
        return p;
    }

    private WatchProgress credit(WatchProgress p) {
        Video video = mongo.findById(p.videoId(), Video.class);
        if (video != null && video.getCreditCenti() > 0) {
            ledger.credit(new Credit("VIDEO|" + p.videoId() + "|" + p.memberId(), p.memberId(), p.orgId(),
                    TrainingCalendar.yearOf(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)), video.getCreditCenti(), CreditSource.VIDEO, p.videoId(), null,
                    p.memberId()));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(p.id())), Update.update("credited", true), WatchProgress.class);
        return new WatchProgress(p.id(), p.memberId(), p.videoId(), p.orgId(), p.durationSeconds(), p.seq(), p.lastAtMillis(),
                p.lastPosition(), p.lastPlaying(), p.segments(), p.watchedSeconds(), p.completed(), true);
    }

    private static String own(CurrentUser user) {
        if (user.memberId() == null || user.memberId().isBlank()) {
            throw ApiException.forbidden("not-a-member-account");
        }
        return user.memberId();
    }
}
