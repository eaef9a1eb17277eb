package party.member.birthday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AnniversariesTest {

    private static final LocalDate LEAP_DAY = LocalDate.of(1996, 2, 29);

    @Test
    void aLeapDayAnniversaryFallsOnTheTwentyEighthInOtherYearsAndOnItselfInLeapYears() {
        assertThat(Anniversaries.in(LEAP_DAY, 2026)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Anniversaries.in(LEAP_DAY, 2028)).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aYearIsCompletedOnTheAnniversaryNotTheDayBefore() {
        LocalDate joined = LocalDate.of(1976, 7, 1);
        assertThat(Anniversaries.completedYears(joined, LocalDate.of(2026, 6, 30))).isEqualTo(49);
        assertThat(Anniversaries.completedYears(joined, LocalDate.of(2026, 7, 1))).isEqualTo(50);
        assertThat(Anniversaries.completedYears(joined, LocalDate.of(1976, 7, 1))).isZero();
        assertThat(Anniversaries.completedYears(joined, LocalDate.of(1970, 1, 1))).isZero();
    }

    @Test
    void aLeapDayOriginCompletesItsYearOnTheTwentyEighthOfANonLeapYear() {
        assertThat(Anniversaries.completedYears(LEAP_DAY, LocalDate.of(2026, 2, 27))).isEqualTo(29);
        assertThat(Anniversaries.completedYears(LEAP_DAY, LocalDate.of(2026, 2, 28))).isEqualTo(30);
        assertThat(Anniversaries.completedYears(LEAP_DAY, LocalDate.of(2028, 2, 28))).isEqualTo(31);
        assertThat(Anniversaries.completedYears(LEAP_DAY, LocalDate.of(2028, 2, 29))).isEqualTo(32);
    }

    @Test
    void theCutoffAgreesWithTheCompletedYearsAroundTheLeapDay() {
        for (LocalDate on = LocalDate.of(2025, 2, 20); on.isBefore(LocalDate.of(2029, 3, 5)); on = on.plusDays(1)) {
            LocalDate cutoff = Anniversaries.latestOriginWith(80, on);
            assertThat(Anniversaries.completedYears(cutoff, on)).as("cutoff on " + on).isGreaterThanOrEqualTo(80);
            assertThat(Anniversaries.completedYears(cutoff.plusDays(1), on)).as("after cutoff on " + on).isLessThan(80);
        }
        // 1944 and 1948 are leap years: on 28 February 2025 a 29 February 1944 birth has completed 81 years.
        assertThat(Anniversaries.latestOriginWith(81, LocalDate.of(2025, 2, 28))).isEqualTo(LocalDate.of(1944, 2, 29));
    }

    @Test
    void withinFindsTheAnniversaryAcrossAYearBoundaryButNotTheJoiningDayItself() {
        LocalDate joined = LocalDate.of(1990, 12, 30);
        assertThat(Anniversaries.within(joined, LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4)))
                .contains(LocalDate.of(2025, 12, 30));
        assertThat(Anniversaries.within(LocalDate.of(2026, 1, 2), LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4)))
                .isEmpty();
        assertThat(Anniversaries.within(LEAP_DAY, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28)))
                .contains(LocalDate.of(2026, 2, 28));
        assertThat(Anniversaries.within(LEAP_DAY, LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 28))).isEmpty();
    }
}
