package party.member.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.mongodb.core.mapping.Document;
import party.member.member.MemberStatus;
import party.platform.events.Aggregate;

/**
 * A decision on a member's standing (death, leaving, expulsion, handling of an unqualified member).
 * Dates are stored as ISO strings so that no time zone can shift them. The branch is the member's at
 * the time of the decision.
 */
@Document(StatusDecision.COLLECTION)
public class StatusDecision extends Aggregate {

    public static final String COLLECTION = "member_status_decisions";

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

    StatusDecision() {
    }

    /** A decision on member {@code memberId} of branch {@code orgId}; raises {@value StatusDecided#TYPE}. */
    static StatusDecision record(String memberId, String orgId, MemberStatus from, NewStatusDecision request,
                                 String recordedBy, Instant now) {
        StatusDecision decision = new StatusDecision();
        decision.id = UUID.randomUUID().toString();
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
}
