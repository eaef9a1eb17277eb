package party.member.status;

import java.time.LocalDate;

/**
 * A status decision as requested.
 *
 * @param approverName who approved (person or body), optional when {@code approverMemberId} is given
 * @param approverMemberId the approver's member id, optional when {@code approverName} is given
 * @param documentRef reference of the decision's document (文号), optional
 * @param correctionDeadline the deadline of a CORRECTION_DEADLINE decision, required for it and only for it
 */
public record NewStatusDecision(DecisionKind kind, LocalDate date, String reason, String approverName,
                                String approverMemberId, String documentRef, LocalDate correctionDeadline) {
}
