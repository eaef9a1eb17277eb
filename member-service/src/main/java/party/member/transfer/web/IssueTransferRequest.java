package party.member.transfer.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import party.member.transfer.NewTransfer;
import party.member.transfer.TransferScope;

/** Body of {@code POST /api/v1/members/{id}/transfers}. */
record IssueTransferRequest(@NotNull TransferScope scope, @Size(max = 64) String toOrgId,
                            @Size(max = 200) String toOrgName, @Size(max = 64) String letterNumber,
                            LocalDate issueDate, @Min(1) @Max(3650) Integer validityDays,
                            @NotBlank @Size(max = 500) String reason) {

    NewTransfer toNewTransfer() {
        return new NewTransfer(scope, toOrgId, toOrgName, letterNumber, issueDate, validityDays, reason);
    }
}
