package party.member.status.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import party.member.status.LapseFlag;

/** How an open lapse flag was resolved, with the decision note. */
record ResolveLapseFlagRequest(@NotNull LapseFlag.Resolution resolution, @NotBlank @Size(max = 2000) String note) {
}
