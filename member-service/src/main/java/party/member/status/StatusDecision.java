package party.member.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import party.member.member.MemberStatus;
import party.platform.events.Aggregate;
import party.platform.events.PendingEvent;
import party.platform.ids.TimeOrderedIds;

/**
 * A decision on a member's standing (death, leaving, expulsion, handling of an unqualified member).
 * Dates are stored as ISO strings so that no time zone can shift them. The branch is the member's at
 * the time of the decision.
 *
 * <p>A decision that ends the membership is written before the member (there are no multi-document
 * transactions): it carries the whole intent, its own event is held back ({@code heldEvents}, which
 * the relay does not read) and {@code memberChange} is PENDING. Once the member is written,
 * one single-document update notes it (APPLIED, {@code memberChangedAt}) and releases the event, so
 * the decision's event is published only for a decision that took effect.
 * {@link StatusDecisionRepair} completes the ones a crash left PENDING. Decisions stored before this
 * field existed have none: they were written after their member, so a missing {@code memberChange}
 * means applied (or, for CORRECTION_DEADLINE, nothing to apply).
 */
@Document(StatusDecision.COLLECTION)
public class StatusDecision extends Aggregate {

    public static final String COLLECTION = "member_status_decisions";

    /** The state of the member change a status-ending decision makes; null when there is none to make. */
    public enum MemberChange {
        /** Written, the member not yet (or not known to be). */
        PENDING,
        /** The member carries the change; the decision's event is released. */
        APPLIED,
        /** The member changed otherwise before the repair came: left for a person, never overwritten. */
        FLAGGED
    }

    private String memberId;
    private String orgId;
    private DecisionKind kind;
    private String date;
    private String reason;
    private String approverName;
    private String approverMemberId;
    private String documentRef;
    private String correctionDeadline;
    private MemberStatus fromStatus;
    private MemberStatus toStatus;
    private String recordedBy;
    private Instant recordedAt;
    private MemberChange memberChange;
    private Instant memberChangedAt;
    private String repairProblem;
    private List<PendingEvent> heldEvents = new ArrayList<>();

    StatusDecision() {
    }

    /** A decision on member {@code memberId} of branch {@code orgId}; raises {@value StatusDecided#TYPE}. */
    static StatusDecision record(String memberId, String orgId, MemberStatus from, NewStatusDecision request,
                                 String recordedBy, Instant now) {
        StatusDecision decision = new StatusDecision();
        decision.id = TimeOrderedIds.next();
        decision.memberId = memberId;
        decision.orgId = orgId;
        decision.kind = request.kind();
        decision.date = request.date().toString();
        decision.reason = request.reason().strip();
        decision.approverName = blankToNull(request.approverName());
        decision.approverMemberId = blankToNull(request.approverMemberId());
        decision.documentRef = blankToNull(request.documentRef());
        decision.correctionDeadline = request.correctionDeadline() == null ? null : request.correctionDeadline().toString();
        decision.fromStatus = from;
        decision.toStatus = request.kind().to() == null ? from : request.kind().to();
        decision.recordedBy = recordedBy;
        decision.recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        decision.raise(StatusDecided.TYPE, new StatusDecided(decision.id, memberId, orgId, decision.kind.name(),
                decision.date, decision.nextVersion()));
        if (decision.toStatus != from) {
            decision.memberChange = MemberChange.PENDING;
            decision.heldEvents.add(decision.pendingEvents.removeLast());
        }
        return decision;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public DecisionKind getKind() {
        return kind;
    }

    public LocalDate getDate() {
        return LocalDate.parse(date);
    }

    public String getReason() {
        return reason;
    }

    public String getApproverName() {
        return approverName;
    }

    public String getApproverMemberId() {
        return approverMemberId;
    }

    public String getDocumentRef() {
        return documentRef;
    }

    public LocalDate getCorrectionDeadline() {
        return correctionDeadline == null ? null : LocalDate.parse(correctionDeadline);
    }

    public MemberStatus getFromStatus() {
        return fromStatus;
    }

    public MemberStatus getToStatus() {
        return toStatus;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** Null for a decision that changes no member and for decisions stored before the field (applied). */
    public MemberChange getMemberChange() {
        return memberChange;
    }

    /** Whether the decision has taken effect (or needs none): neither pending nor flagged. */
    public boolean inEffect() {
        return memberChange == null || memberChange == MemberChange.APPLIED;
    }

    /** Whether the decision changes the member's status. */
    boolean endsMembership() {
        return toStatus != fromStatus;
    }

    public Instant getMemberChangedAt() {
        return memberChangedAt;
    }

    /** Why the repair left the decision FLAGGED; null otherwise. */
    public String getRepairProblem() {
        return repairProblem;
    }
}
