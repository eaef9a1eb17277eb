package party.member.birthday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

class CalendarPeriodTest {

    @Test
    void aDayAMonthAndAnIsoWeek() {
        assertThat(CalendarPeriod.parse("2026-07-01", null, null))
                .isEqualTo(new CalendarPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1)));
        assertThat(CalendarPeriod.parse(null, null, "2028-02"))
                .isEqualTo(new CalendarPeriod(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
        assertThat(CalendarPeriod.parse(null, "2026-W27", null))
                .isEqualTo(new CalendarPeriod(LocalDate.of(2026, 6, 29), LocalDate.of(2026, 7, 5)));
    }

    @Test
    void isoWeeksCrossYearBoundaries() {
        // 1 January 2026 is a Thursday: week 1 starts on Monday 29 December 2025.
        assertThat(CalendarPeriod.parse(null, "2026-W01", null))
                .isEqualTo(new CalendarPeriod(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4)));
        // 2026 has 53 weeks; its last ends on Sunday 3 January 2027.
        assertThat(CalendarPeriod.parse(null, "2026-W53", null))
                .isEqualTo(new CalendarPeriod(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3)));
        // 1 January 2027 is a Friday: it belongs to 2026-W53, and 2027-W01 starts on 4 January.
        assertThat(CalendarPeriod.parse(null, "2027-W01", null).from()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThatThrownBy(() -> CalendarPeriod.parse(null, "2027-W53", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void theTwentyEighthOfFebruaryOfANonLeapYearAlsoCatchesLeapDayAnniversaries() {
        assertThat(CalendarPeriod.parse("2026-02-28", null, null).anniversaryMonthDays()).containsExactly("02-28", "02-29");
        assertThat(CalendarPeriod.parse("2028-02-28", null, null).anniversaryMonthDays()).containsExactly("02-28");
        assertThat(CalendarPeriod.parse(null, "2026-W01", null).anniversaryMonthDays())
                .containsExactly("12-29", "12-30", "12-31", "01-01", "01-02", "01-03", "01-04");
    }

    @Test
    void noneSeveralOrMalformedPeriodsAreRejected() {
        for (String[] bad : new String[][] {{null, null, null}, {"2026-07-01", null, "2026-07"}, {"2026-7-1", null, null},
                {"2026-02-30", null, null}, {null, "2026-W00", null}, {null, "2026-27", null}, {null, null, "2026-13"},
                {null, null, "July"}}) {
            assertThatThrownBy(() -> CalendarPeriod.parse(bad[0], bad[1], bad[2]))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.slug()).isEqualTo("political-birthday-invalid-period"));
        }
    }
}
