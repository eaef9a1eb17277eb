package party.member.transfer.web;

import java.time.Instant;
import java.time.LocalDate;
import party.member.transfer.Transfer;

/**
 * A transfer and its introduction letter; {@code state} is as of today (a pending letter past its
 * validity reads EXPIRED). No personal data: the member is named by id.
 */
record TransferResponse(String id, String memberId, String scope, String fromOrgId, String toOrgId, String toOrgName,
                        String letterNumber, LocalDate issueDate, int validityDays, LocalDate validUntil, String reason,
                        String state, String issuedBy, Instant issuedAt, String decidedBy, LocalDate decidedOn,
                        Instant decidedAt, String decisionReason, long version) {

    static TransferResponse of(Transfer t, LocalDate today) {
        return new TransferResponse(t.getId(), t.getMemberId(), t.getScope().name(), t.getFromOrgId(), t.getToOrgId(),
                t.getToOrgName(), t.getLetterNumber(), t.getIssueDate(), t.getValidityDays(), t.getValidUntil(),
                t.getReason(), t.effectiveState(today).name(), t.getIssuedBy(), t.getIssuedAt(), t.getDecidedBy(),
                t.getDecidedOn(), t.getDecidedAt(), t.getDecisionReason(), t.getVersion() == null ? 0 : t.getVersion());
    }
}
