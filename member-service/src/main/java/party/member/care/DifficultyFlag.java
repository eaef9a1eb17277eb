package party.member.care;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/**
 * A branch's mark that a member is in difficulty and should be visited; its id is the member's id.
 * It raises no event on purpose: that a member is in difficulty, and why, is sensitive personal
 * data that has no place on the broker.
 */
@Document(DifficultyFlag.COLLECTION)
public class DifficultyFlag extends Aggregate {

    public static final String COLLECTION = "care_difficulty_flags";

    private String orgId;
    private String reason;
    private String flaggedBy;
    private Instant flaggedAt;

    DifficultyFlag() {
    }

    static DifficultyFlag of(String memberId, String orgId, String reason, String by, Instant now) {
        DifficultyFlag flag = new DifficultyFlag();
        flag.id = memberId;
        flag.change(orgId, reason, by, now);
        return flag;
    }

    void change(String orgId, String reason, String by, Instant now) {
        this.orgId = orgId;
        this.reason = reason.strip();
        this.flaggedBy = by;
        this.flaggedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String getMemberId() {
        return id;
    }

    /** The member's branch when flagged; lists follow the member's current branch instead. */
    public String getOrgId() {
        return orgId;
    }

    public String getReason() {
        return reason;
    }

    public String getFlaggedBy() {
        return flaggedBy;
    }

    public Instant getFlaggedAt() {
        return flaggedAt;
    }
}
