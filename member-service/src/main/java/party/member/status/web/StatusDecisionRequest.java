package party.member.status.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import party.member.status.DecisionKind;
import party.member.status.NewStatusDecision;

/** See {@link NewStatusDecision}; at least one of {@code approverName} and {@code approverMemberId}. */
record StatusDecisionRequest(@NotNull DecisionKind kind,
                             @NotNull LocalDate date,
                             @NotBlank @Size(max = 2000) String reason,
                             @Size(max = 200) String approverName,
                             @Size(max = 100) String approverMemberId,
                             @Size(max = 200) String documentRef,
                             LocalDate correctionDeadline) {

    NewStatusDecision toNewStatusDecision() {
        return new NewStatusDecision(kind, date, reason, approverName, approverMemberId, documentRef, correctionDeadline);
    }
}
