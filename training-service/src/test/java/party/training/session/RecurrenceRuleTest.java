package party.training.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

class RecurrenceRuleTest {

    static final LocalTime START = LocalTime.of(14, 30);
    static final LocalTime END = LocalTime.of(17, 0);

    @Test
    void theSeedsRuleGivesTheFirstAndThirdTuesdaysFromMarchToOctober() {
        List<LocalDate> dates = new RecurrenceRule(List.of("1TU", "3TU"), 3, 10, START, END).dates(2026);
        assertThat(dates).hasSize(16);
        assertThat(dates.getFirst()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(dates.get(1)).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(dates.getLast()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(dates).allMatch(d -> d.getDayOfWeek() == java.time.DayOfWeek.TUESDAY);
    }

    @Test
    void lastAndFifthWeekdays() {
        assertThat(RecurrenceRule.day(YearMonth.of(2026, 3), "-1FR")).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(RecurrenceRule.day(YearMonth.of(2026, 3), "5TU")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(RecurrenceRule.day(YearMonth.of(2026, 2), "5TU")).isNull();
        // Days named twice count once.
        assertThat(new RecurrenceRule(List.of("1TU", "1tu"), 3, 3, START, END).dates(2026)).hasSize(1);
    }

    @Test
    void badRulesAreRejected() {
        assertThatThrownBy(() -> new RecurrenceRule(List.of("TU"), 3, 10, START, END).dates(2026))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).slug()).isEqualTo("recurrence-by-day");
        assertThatThrownBy(() -> new RecurrenceRule(List.of("1TU"), 10, 3, START, END).dates(2026))
                .extracting(e -> ((ApiException) e).slug()).isEqualTo("recurrence-months");
        assertThatThrownBy(() -> new RecurrenceRule(List.of("1TU"), 3, 10, END, START).dates(2026))
                .extracting(e -> ((ApiException) e).slug()).isEqualTo("session-ends-before-start");
    }
}
