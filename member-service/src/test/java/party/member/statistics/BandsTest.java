package party.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BandsTest {

    @Test
    void ageBandsHaveTheReportsEdges() {
        assertThat(Bands.ageBand(18)).isEqualTo("<=30");
        assertThat(Bands.ageBand(30)).isEqualTo("<=30");
        assertThat(Bands.ageBand(31)).isEqualTo("31-35");
        assertThat(Bands.ageBand(35)).isEqualTo("31-35");
        assertThat(Bands.ageBand(36)).isEqualTo("36-40");
        assertThat(Bands.ageBand(60)).isEqualTo("56-60");
        assertThat(Bands.ageBand(61)).isEqualTo("61-70");
        assertThat(Bands.ageBand(70)).isEqualTo("61-70");
        assertThat(Bands.ageBand(71)).isEqualTo(">70");
    }

    @Test
    void standingBandsHaveTheReportsEdges() {
        assertThat(Bands.standingBand(0)).isEqualTo("<5");
        assertThat(Bands.standingBand(4)).isEqualTo("<5");
        assertThat(Bands.standingBand(5)).isEqualTo("5-9");
        assertThat(Bands.standingBand(9)).isEqualTo("5-9");
        assertThat(Bands.standingBand(10)).isEqualTo("10-19");
        assertThat(Bands.standingBand(49)).isEqualTo("40-49");
        assertThat(Bands.standingBand(50)).isEqualTo(">=50");
    }

    /** The date thresholds the aggregation compares give the same band as counting whole years, day by day. */
    @Test
    void thresholdsAgreeWithWholeYearsOnEveryDayIncludingLeapDays() {
        for (LocalDate asOf : new LocalDate[] {LocalDate.of(2024, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 28),
                LocalDate.of(2025, 3, 1)}) {
            var ages = Bands.ageThresholds(asOf);
            var standings = Bands.standingThresholds(asOf);
            for (LocalDate d = asOf.minusYears(80); !d.isAfter(asOf); d = d.plusDays(1)) {
                int years = Bands.years(d, asOf);
                assertThat(Bands.byThreshold(d, ages, Bands.AGE_OLDEST)).as("age " + d + " on " + asOf)
                        .isEqualTo(Bands.ageBand(years));
                assertThat(Bands.byThreshold(d, standings, Bands.STANDING_LONGEST)).as("standing " + d + " on " + asOf)
                        .isEqualTo(Bands.standingBand(years));
            }
        }
    }

    @Test
    void wholeYearsCountFromTheBirthday() {
        assertThat(Bands.years(LocalDate.of(1990, 6, 1), LocalDate.of(2024, 5, 31))).isEqualTo(33);
        assertThat(Bands.years(LocalDate.of(1990, 6, 1), LocalDate.of(2024, 6, 1))).isEqualTo(34);
    }
}
