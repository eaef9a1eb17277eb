package party.member.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.ids.TimeOrderedIds;
import party.platform.web.ApiException;

/**
 * A relation transfer (组织关系转接) and its introduction letter (介绍信). Dates are ISO strings
 * (Asia/Shanghai calendar days). {@code openFor} holds the member id while the letter is pending,
 * under a unique sparse index: one open transfer per member even under races.
 */
@Document(Transfer.COLLECTION)
public class Transfer extends Aggregate {

    public static final String COLLECTION = "member_transfers";

    private String memberId;
    private String fromOrgId;
    private String toOrgId;
    private String toOrgName;
    private TransferScope scope;
    private String letterNumber;
    private String issueDate;
    private int validityDays;
    private String validUntil;
    private String reason;
    private TransferState state;
    private String openFor;
    private String issuedBy;
    private Instant issuedAt;
    private String decidedBy;
    private String decidedOn;
    private Instant decidedAt;
    private String decisionReason;
    /** When the accepted transfer's member was moved; null while that second write is outstanding. */
    private Instant memberMovedAt;

    Transfer() {
    }

    /** The last day a letter issued on {@code issueDate} can be accepted: valid for {@code validityDays} days after issue. */
    static LocalDate validUntil(LocalDate issueDate, int validityDays) {
        return issueDate.plusDays(validityDays);
    }

    static Transfer issue(String memberId, String fromOrgId, String toOrgId, String toOrgName, TransferScope scope,
                          String letterNumber, LocalDate issueDate, int validityDays, String reason, String by,
                          Instant now) {
        Transfer transfer = new Transfer();
        transfer.id = TimeOrderedIds.next();
        transfer.memberId = memberId;
        transfer.fromOrgId = fromOrgId;
        transfer.toOrgId = toOrgId;
        transfer.toOrgName = toOrgName;
        transfer.scope = scope;
        transfer.letterNumber = letterNumber;
        transfer.issueDate = issueDate.toString();
        transfer.validityDays = validityDays;
        transfer.validUntil = validUntil(issueDate, validityDays).toString();
        transfer.reason = reason;
        transfer.state = TransferState.ISSUED;
        transfer.openFor = memberId;
        transfer.issuedBy = by;
        transfer.issuedAt = now.truncatedTo(ChronoUnit.MILLIS);
        transfer.raise(TransferEvents.ISSUED, new TransferEvents.Issued(transfer.id, memberId, fromOrgId, toOrgId,
                scope.name(), transfer.issueDate, transfer.validUntil, transfer.issuedAt, transfer.nextVersion()));
        return transfer;
    }

    /** The state as read on {@code today}: a pending letter past its validity is EXPIRED. */
    public TransferState effectiveState(LocalDate today) {
        return state == TransferState.ISSUED && today.isAfter(getValidUntil()) ? TransferState.EXPIRED : state;
    }

    /** Whether the letter still blocks a new transfer of the member. */
    boolean blocks(LocalDate today) {
        return effectiveState(today) == TransferState.ISSUED;
    }

    /** Frees the member of a letter that expired unused, so a new one can be issued. */
    void releaseExpired() {
        openFor = null;
    }

    private void requirePending(LocalDate today) {
        TransferState current = effectiveState(today);
        if (current == TransferState.EXPIRED) {
            throw ApiException.unprocessable("transfer-expired", getValidUntil());
        }
        if (current != TransferState.ISSUED) {
            throw ApiException.conflict("transfer-not-pending", current.name());
        }
    }

    void accept(LocalDate date, String by, Instant now) {
        requirePending(date);
        decide(TransferState.ACCEPTED, date, by, null, now);
    }

    void reject(LocalDate date, String reason, String by, Instant now) {
        requirePending(date);
        decide(TransferState.REJECTED, date, by, reason, now);
        raise(TransferEvents.REJECTED, decided(now));
    }

    /** Revoking needs the letter undecided; an expired one can still be revoked, to close it. */
    void revoke(LocalDate date, String reason, String by, Instant now) {
        if (state != TransferState.ISSUED) {
            throw ApiException.conflict("transfer-not-pending", state.name());
        }
        decide(TransferState.REVOKED, date, by, reason, now);
        raise(TransferEvents.REVOKED, decided(now));
    }

    private void decide(TransferState to, LocalDate date, String by, String reason, Instant now) {
        state = to;
        openFor = null;
        decidedBy = by;
        decidedOn = date.toString();
        decidedAt = now.truncatedTo(ChronoUnit.MILLIS);
        decisionReason = reason;
    }

    private TransferEvents.Decided decided(Instant now) {
        return new TransferEvents.Decided(id, memberId, fromOrgId, toOrgId, scope.name(), decidedOn, decidedAt,
                nextVersion());
    }

    public Instant getMemberMovedAt() {
        return memberMovedAt;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getFromOrgId() {
        return fromOrgId;
    }

    public String getToOrgId() {
        return toOrgId;
    }

    public String getToOrgName() {
        return toOrgName;
    }

    public TransferScope getScope() {
        return scope;
    }

    public String getLetterNumber() {
        return letterNumber;
    }

    public LocalDate getIssueDate() {
        return LocalDate.parse(issueDate);
    }

    public int getValidityDays() {
        return validityDays;
    }

    public LocalDate getValidUntil() {
        return LocalDate.parse(validUntil);
    }

    public String getReason() {
        return reason;
    }

    public TransferState getState() {
        return state;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDate getDecidedOn() {
        return decidedOn == null ? null : LocalDate.parse(decidedOn);
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }
}
