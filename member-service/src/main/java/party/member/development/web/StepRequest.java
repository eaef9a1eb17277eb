package party.member.development.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import party.member.development.StepInput;
import party.member.development.Vote;

/**
 * Body of {@code POST /api/v1/development/{id}/steps/{n}}. Which fields matter depends on the step:
 * talkers (2, 16), contacts (5), sponsors (9), trainingDays/trainingHours (11), vote (15),
 * outcome and extensionMonths (23); materials on every step.
 */
record StepRequest(
        @NotNull LocalDate date,
        @Size(max = 10) List<@NotBlank @Size(max = 50) String> talkers,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> contacts,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> sponsors,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> materials,
        @Valid VoteRequest vote,
        @Pattern(regexp = "CONFIRM|EXTEND|CANCEL") String outcome,
        Integer extensionMonths,
        Integer trainingDays,
        Integer trainingHours,
        @Size(max = 500) String note) {

    /** The vote of step 15; the arithmetic is checked by the domain (400 when it does not add up). */
    record VoteRequest(@NotNull Integer expected, @NotNull Integer present, @NotNull Integer inFavour,
                       @NotNull Integer against, Integer abstain) {
        Vote toVote() {
            return new Vote(expected, present, inFavour, against, abstain == null ? 0 : abstain);
        }
    }

    StepInput toInput() {
        return new StepInput(date, talkers, contacts, sponsors, materials, vote == null ? null : vote.toVote(),
                outcome == null ? null : StepInput.Outcome.valueOf(outcome), extensionMonths, trainingDays,
                trainingHours, note);
    }
}
