package party.member.status.web;

import java.time.Instant;
import java.time.LocalDate;
import party.member.member.MemberStatus;
import party.member.status.DecisionKind;
import party.member.status.StatusDecision;

/** A status decision as the API shows it. */
record StatusDecisionResponse(String id, String memberId, String orgId, DecisionKind kind, LocalDate date, String reason,
                              String approverName, String approverMemberId, String documentRef,
                              LocalDate correctionDeadline, MemberStatus fromStatus, MemberStatus toStatus,
                              String recordedBy, Instant recordedAt, long version) {

    static StatusDecisionResponse of(StatusDecision d) {
        return new StatusDecisionResponse(d.getId(), d.getMemberId(), d.getOrgId(), d.getKind(), d.getDate(), d.getReason(),
                d.getApproverName(), d.getApproverMemberId(), d.getDocumentRef(), d.getCorrectionDeadline(),
                d.getFromStatus(), d.getToStatus(), d.getRecordedBy(), d.getRecordedAt(), d.getVersion());
    }
}
