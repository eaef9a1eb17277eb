package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.member.development.DevelopmentRecord.Effect;
import party.member.development.StepInput.Outcome;
import party.platform.web.ApiException;

/** The state machine of the 25 steps and each of its rules, without storage. */
class DevelopmentRecordTest {

    static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
    static final LocalDate APPLIED = LocalDate.of(2024, 1, 10);
    static final DevelopmentProperties RULES = DevelopmentProperties.defaults();
    static final Vote PASSING = new Vote(10, 8, 7, 1, 0);

    static DevelopmentRecord applied() {
        return DevelopmentRecord.open(UUID.randomUUID().toString(), "branch-1",
                input(APPLIED, StepCatalogue.requiredMaterials(1)), "secretary", Instant.now(), TODAY);
    }

    static StepInput input(LocalDate date, List<String> materials) {
        return new StepInput(date, null, null, null, materials, null, null, null, null, null, null);
    }

    /** A valid input for {@code step} on {@code date}: the people, vote, training and materials it needs. */
    static StepInput valid(int step, LocalDate date) {
        return new StepInput(date, List.of("王书记"), step == 5 ? List.of("c-1") : null,
                step == 9 ? List.of("s-1", "s-2") : null, StepCatalogue.requiredMaterials(step),
                step == 15 ? PASSING : null, step == 23 ? Outcome.CONFIRM : null, null, step == 11 ? 3 : null, null,
                null);
    }

    static Effect record(DevelopmentRecord record, int step, StepInput input) {
        return record.record(step, input, RULES, TODAY, "secretary", Instant.now());
    }

    /**
     * Records every step up to {@code last} with dates that satisfy the intervals: activist on
     * 2024-02-01, candidate 2025-02-01, meeting 2025-06-01, approval 2025-07-01, probation end 2026-06-01.
     */
    static DevelopmentRecord through(int last) {
        DevelopmentRecord record = applied();
        for (int step = 2; step <= last; step++) {
            record(record, step, valid(step, dateFor(step)));
        }
        return record;
    }

    static LocalDate dateFor(int step) {
        if (step <= 2) {
            return LocalDate.of(2024, 1, 20);
        }
        if (step <= 6) {
            return LocalDate.of(2024, 2, 1);
        }
        if (step <= 15) {
            return step <= 11 ? LocalDate.of(2025, 2, 1) : LocalDate.of(2025, 6, 1);
        }
        if (step <= 21) {
            return LocalDate.of(2025, 7, 1);
        }
        return LocalDate.of(2026, 6, 1);
    }

    static String slug(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.status().value() + " " + e.slug();
        }
        throw new AssertionError("no ApiException");
    }

    @Test
    void anApplicationOpensTheRecordAtStepOneAndPublishesIt() {
        DevelopmentRecord record = applied();
        assertThat(record.getCurrentStep()).isEqualTo(1);
        assertThat(record.nextStep()).isEqualTo(2);
        assertThat(record.getStage()).isEqualTo(Stage.APPLICATION);
        assertThat(record.getState()).isEqualTo(DevelopmentRecord.State.OPEN);
        assertThat(record.getId()).isEqualTo(record.getMemberId());
        assertThat(record.getPendingEvents()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(DevelopmentStepRecorded.TYPE));
    }

    @Test
    void stepsGoInOrder() {
        DevelopmentRecord record = applied();
        assertThat(slug(() -> record(record, 3, valid(3, dateFor(3))))).isEqualTo("422 development-step-out-of-order");
        assertThat(slug(() -> record(record, 1, valid(1, dateFor(2))))).isEqualTo("422 development-step-out-of-order");
        assertThat(record(record, 2, valid(2, dateFor(2)))).isEqualTo(Effect.NONE);
        assertThat(record.getCurrentStep()).isEqualTo(2);
        assertThat(slug(() -> record(record, 2, valid(2, dateFor(2))))).isEqualTo("422 development-step-out-of-order");
    }

    @Test
    void theStatusMovesAtStepsThreeSevenSeventeenAndTwentyFour() {
        DevelopmentRecord record = through(2);
        assertThat(record(record, 3, valid(3, dateFor(3)))).isEqualTo(Effect.ACTIVIST);
        for (int step = 4; step <= 6; step++) {
            assertThat(record(record, step, valid(step, dateFor(step)))).isEqualTo(Effect.NONE);
        }
        assertThat(record(record, 7, valid(7, dateFor(7)))).isEqualTo(Effect.CANDIDATE);
        for (int step = 8; step <= 16; step++) {
            assertThat(record(record, step, valid(step, dateFor(step)))).isEqualTo(Effect.NONE);
        }
        assertThat(record(record, 17, valid(17, dateFor(17)))).isEqualTo(Effect.PROBATIONARY);
        for (int step = 18; step <= 23; step++) {
            assertThat(record(record, step, valid(step, dateFor(step)))).isEqualTo(Effect.NONE);
        }
        assertThat(record(record, 24, valid(24, dateFor(24)))).isEqualTo(Effect.FULL);
        assertThat(record(record, 25, valid(25, dateFor(25)))).isEqualTo(Effect.NONE);
        assertThat(record.getState()).isEqualTo(DevelopmentRecord.State.COMPLETED);
        assertThat(record.getWarnings()).isEmpty();
        assertThat(slug(() -> record(record, 26, valid(25, dateFor(25))))).isEqualTo("422 development-record-closed");
    }

    @Test
    void aDateInTheFutureOrBeforeThePreviousStepIsRefused() {
        DevelopmentRecord record = applied();
        assertThat(slug(() -> record(record, 2, valid(2, TODAY.plusDays(1))))).isEqualTo("422 development-date-in-future");
        assertThat(slug(() -> record(record, 2, valid(2, APPLIED.minusDays(1)))))
                .isEqualTo("422 development-date-before-previous-step");
        assertThat(record(record, 2, valid(2, TODAY))).isEqualTo(Effect.NONE);
    }

    @Test
    void missingMaterialsAreListed() {
        DevelopmentRecord record = through(2);
        ApiException e = (ApiException) org.assertj.core.api.Assertions.catchThrowable(
                () -> record(record, 3, input(dateFor(3), List.of("RECOMMENDATION_RECORD"))));
        assertThat(e.slug()).isEqualTo("development-materials-missing");
        assertThat(e.properties().get("missing")).isEqualTo(List.of("ACTIVIST_DETERMINATION_RECORD"));
        assertThat(record.getCurrentStep()).isEqualTo(2);
        assertThat(StepCatalogue.requiredMaterials(1)).containsExactly("APPLICATION_LETTER");
        assertThat(StepCatalogue.requiredMaterials(14)).containsExactly("APPLICATION_FORM");
        for (int step = 1; step <= 25; step++) {
            assertThat(StepCatalogue.requiredMaterials(step)).as("step " + step).isNotEmpty();
        }
    }

    @Test
    void aTalkLaterThanOneMonthAfterTheApplicationWarnsButIsRecorded() {
        DevelopmentRecord onTime = applied();
        record(onTime, 2, valid(2, APPLIED.plusMonths(1)));
        assertThat(onTime.getWarnings()).isEmpty();

        DevelopmentRecord late = applied();
        record(late, 2, valid(2, APPLIED.plusMonths(1).plusDays(1)));
        assertThat(late.getCurrentStep()).isEqualTo(2);
        assertThat(late.getWarnings()).containsExactly(
                new DevelopmentRecord.Warning(2, "talk-late", "2024-02-10", "2024-02-11"));
    }

    @Test
    void talksNeedTalkers() {
        DevelopmentRecord record = applied();
        assertThat(slug(() -> record(record, 2, input(dateFor(2), StepCatalogue.requiredMaterials(2)))))
                .isEqualTo("422 development-talkers-required");
    }

    @Test
    void aCandidateOnlyAfterAFullYearAsActivist() {
        DevelopmentRecord record = through(6);
        LocalDate activist = record.dateOf(3);
        assertThat(slug(() -> record(record, 7, valid(7, activist.plusYears(1).minusDays(1)))))
                .isEqualTo("422 development-activist-interval");
        assertThat(record(record, 7, valid(7, activist.plusYears(1)))).isEqualTo(Effect.CANDIDATE);
    }

    @Test
    void oneOrTwoCultivationContacts() {
        DevelopmentRecord record = through(4);
        for (List<String> contacts : List.of(List.<String>of(), List.of("c-1", "c-2", "c-3"), List.of("c-1", "c-1"))) {
            StepInput in = new StepInput(dateFor(5), null, contacts, null, StepCatalogue.requiredMaterials(5), null,
                    null, null, null, null, null);
            assertThat(slug(() -> record(record, 5, in))).isEqualTo("422 development-contacts-count");
        }
        StepInput two = new StepInput(dateFor(5), null, List.of("c-1", "c-2"), null, StepCatalogue.requiredMaterials(5),
                null, null, null, null, null, null);
        assertThat(record(record, 5, two)).isEqualTo(Effect.NONE);
    }

    @Test
    void exactlyTwoDistinctSponsors() {
        DevelopmentRecord record = through(8);
        for (List<String> sponsors : List.of(List.of("s-1"), List.of("s-1", "s-2", "s-3"), List.of("s-1", "s-1"))) {
            StepInput in = new StepInput(dateFor(9), null, null, sponsors, StepCatalogue.requiredMaterials(9), null,
                    null, null, null, null, null);
            assertThat(slug(() -> record(record, 9, in))).isEqualTo("422 development-sponsors-count");
        }
        assertThat(record(record, 9, valid(9, dateFor(9)))).isEqualTo(Effect.NONE);
    }

    @Test
    void trainingOfThreeDaysOrTwentyFourHours() {
        DevelopmentRecord record = through(10);
        StepInput short1 = new StepInput(dateFor(11), null, null, null, StepCatalogue.requiredMaterials(11), null, null,
                null, 2, 23, null);
        assertThat(slug(() -> record(record, 11, short1))).isEqualTo("422 development-training-insufficient");
        StepInput hours = new StepInput(dateFor(11), null, null, null, StepCatalogue.requiredMaterials(11), null, null,
                null, null, 24, null);
        assertThat(record(record, 11, hours)).isEqualTo(Effect.NONE);
    }

    @Test
    void aFailedOrImpossibleVoteRecordsNothing() {
        DevelopmentRecord record = through(14);
        StepInput failed = new StepInput(dateFor(15), null, null, null, StepCatalogue.requiredMaterials(15),
                new Vote(10, 6, 5, 1, 0), null, null, null, null, null);
        assertThat(slug(() -> record(record, 15, failed))).isEqualTo("422 development-vote-not-passed");
        StepInput impossible = new StepInput(dateFor(15), null, null, null, StepCatalogue.requiredMaterials(15),
                new Vote(10, 6, 5, 1, 1), null, null, null, null, null);
        assertThat(slug(() -> record(record, 15, impossible))).isEqualTo("400 development-vote-inconsistent");
        StepInput none = input(dateFor(15), StepCatalogue.requiredMaterials(15));
        assertThat(slug(() -> record(record, 15, none))).isEqualTo("400 development-vote-required");
        assertThat(record.getCurrentStep()).isEqualTo(14);
        assertThat(record.getProbationEnd()).isNull();

        record(record, 15, valid(15, dateFor(15)));
        assertThat(record.getProbationEnd()).isEqualTo(dateFor(15).plusYears(1));
    }

    @Test
    void approvalWithinThreeMonthsWarnsAfterAndIsRefusedAfterSix() {
        LocalDate meeting = dateFor(15);
        DevelopmentRecord exactly3 = through(16);
        record(exactly3, 17, valid(17, meeting.plusMonths(3)));
        assertThat(exactly3.getWarnings()).isEmpty();

        DevelopmentRecord late = through(16);
        assertThat(record(late, 17, valid(17, meeting.plusMonths(3).plusDays(1)))).isEqualTo(Effect.PROBATIONARY);
        assertThat(late.getWarnings()).extracting(DevelopmentRecord.Warning::code).containsExactly("approval-late");

        DevelopmentRecord exactly6 = through(16);
        assertThat(record(exactly6, 17, valid(17, meeting.plusMonths(6)))).isEqualTo(Effect.PROBATIONARY);

        DevelopmentRecord tooLate = through(16);
        assertThat(slug(() -> record(tooLate, 17, valid(17, meeting.plusMonths(6).plusDays(1)))))
                .isEqualTo("422 development-approval-too-late");
        assertThat(tooLate.getCurrentStep()).isEqualTo(16);
    }

    @Test
    void confirmationOnlyOnceProbationHasEnded() {
        DevelopmentRecord record = through(21);
        LocalDate end = record.getProbationEnd();
        assertThat(end).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(slug(() -> record(record, 22, valid(22, end.minusDays(1))))).isEqualTo("422 development-probation-not-ended");
        record(record, 22, valid(22, end));
        assertThat(record(record, 23, valid(23, end))).isEqualTo(Effect.NONE);
    }

    @Test
    void probationExtendsOnceBySixToTwelveMonthsAndTheEndMoves() {
        DevelopmentRecord record = through(22);
        LocalDate end = record.getProbationEnd();
        for (int months : new int[] {5, 13}) {
            StepInput bad = extend(end, months);
            assertThat(slug(() -> record(record, 23, bad))).isEqualTo("422 development-extension-months");
        }
        StepInput noOutcome = input(end, StepCatalogue.requiredMaterials(23));
        assertThat(slug(() -> record(record, 23, noOutcome))).isEqualTo("400 development-outcome-required");

        assertThat(record(record, 23, extend(end, 6))).isEqualTo(Effect.NONE);
        assertThat(record.getProbationEnd()).isEqualTo(end.plusMonths(6));
        assertThat(record.isExtended()).isTrue();
        assertThat(record.nextStep()).isEqualTo(23);

        LocalDate newEnd = record.getProbationEnd();
        assertThat(slug(() -> record(record, 23, extend(newEnd, 6)))).isEqualTo("422 development-extension-used");
        assertThat(slug(() -> record(record, 23, valid(23, newEnd.minusDays(1)))))
                .isEqualTo("422 development-probation-not-ended");
        assertThat(slug(() -> record(record, 24, valid(24, newEnd)))).isEqualTo("422 development-step-out-of-order");
        assertThat(record(record, 23, valid(23, newEnd))).isEqualTo(Effect.NONE);
        assertThat(record(record, 24, valid(24, newEnd))).isEqualTo(Effect.FULL);
    }

    @Test
    void aCancelledProbationClosesTheRecord() {
        DevelopmentRecord record = through(22);
        StepInput cancel = new StepInput(record.getProbationEnd(), null, null, null, StepCatalogue.requiredMaterials(23),
                null, Outcome.CANCEL, null, null, null, null);
        assertThat(record(record, 23, cancel)).isEqualTo(Effect.PROBATION_CANCELLED);
        assertThat(record.getState()).isEqualTo(DevelopmentRecord.State.CANCELLED);
        assertThat(slug(() -> record(record, 24, valid(24, record.getProbationEnd()))))
                .isEqualTo("422 development-record-closed");
    }

    @Test
    void everyStepPublishesAnEventWithTheNextVersion() {
        DevelopmentRecord record = through(5);
        assertThat(record.getPendingEvents()).hasSize(5)
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(DevelopmentStepRecorded.TYPE));
    }

    private static StepInput extend(LocalDate date, int months) {
        return new StepInput(date, null, null, null, StepCatalogue.requiredMaterials(23), null, Outcome.EXTEND, months,
                null, null, null);
    }
}
