package party.organization.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * A liaison point (联系点): a leader of the committee linked to a branch from a date, until the link
 * is ended. The leader need not be a member of the branch.
 */
@Document("liaison_points")
public class LiaisonPoint extends Aggregate {

    public static final String ESTABLISHED = "party.organization.liaison-point-established.v1";
    public static final String ENDED = "party.organization.liaison-point-ended.v1";

    public enum Status { ACTIVE, ENDED }

    @Indexed
    private String leaderId;
    private String leaderName;
    @Indexed
    private String orgId;
    private LocalDate since;
    private LocalDate until;
    private Status status;
    /**
     * {@code leaderId|orgId} while the link is active, absent once it ended: the sparse unique index
     * keeps one active link per leader and branch even when two requests race.
     */
    @Indexed(unique = true, sparse = true)
    private String activeLink;
    private String establishedBy;
    private Instant establishedAt;

    protected LiaisonPoint() {
    }

    /**
     * @param today today in Asia/Shanghai
     */
    static LiaisonPoint establish(String leaderId, String leaderName, String orgId, LocalDate since, LocalDate today,
                                  String establishedBy) {
        if (since.isAfter(today)) {
            throw ApiException.unprocessable("liaison-date-in-future", since);
        }
        LiaisonPoint point = new LiaisonPoint();
        point.id = UUID.randomUUID().toString();
        point.leaderId = leaderId;
        point.leaderName = leaderName;
        point.orgId = orgId;
        point.since = since;
        point.status = Status.ACTIVE;
        point.activeLink = link(leaderId, orgId);
        point.establishedBy = establishedBy;
        point.establishedAt = Instant.now();
        point.raise(ESTABLISHED, point.change());
        return point;
    }

    /**
     * Ends the link on {@code until} (today when null), which may be neither before its start nor in the future.
     */
    void end(LocalDate until, LocalDate today) {
        if (status == Status.ENDED) {
            throw ApiException.conflict("liaison-point-ended", this.until);
        }
        LocalDate end = until == null ? today : until;
        if (end.isAfter(today)) {
            throw ApiException.unprocessable("liaison-date-in-future", end);
        }
        if (end.isBefore(since)) {
            throw ApiException.unprocessable("liaison-end-before-start", end, since);
        }
        this.until = end;
        this.status = Status.ENDED;
        this.activeLink = null;
        raise(ENDED, change());
    }

    static String link(String leaderId, String orgId) {
        return leaderId + "|" + orgId;
    }

    /** What both events carry: ids and dates only, no personal data (the leader's name stays here). */
    record Change(String liaisonPointId, String leaderId, String orgId, LocalDate since, LocalDate until, String status,
                  long version) {
    }

    private Change change() {
        return new Change(id, leaderId, orgId, since, until, status.name(), nextVersion());
    }

    public String getLeaderId() {
        return leaderId;
    }

    public String getLeaderName() {
        return leaderName;
    }

    public String getOrgId() {
        return orgId;
    }

    public LocalDate getSince() {
        return since;
    }

    public LocalDate getUntil() {
        return until;
    }

    public Status getStatus() {
        return status;
    }
}
