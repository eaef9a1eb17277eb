package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

class PeriodTest {

    @Test
    void readsMonthsQuartersAndYears() {
        Period march = Period.parse("2026-03");
        assertThat(march.first()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(march.months()).isEqualTo(1);
        assertThat(march.label()).isEqualTo("2026-03");
        assertThat(march.firstDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));

        Period q4 = Period.parse("2026-Q4");
        assertThat(q4.first()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(q4.months()).isEqualTo(3);
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.label()).isEqualTo("2026-Q4");

        Period year = Period.parse(" 2026 ");
        assertThat(year.first()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(year.months()).isEqualTo(12);
        assertThat(year.label()).isEqualTo("2026");
        assertThat(new Period(YearMonth.of(2026, 7), 6).label()).isEqualTo("2026-H2");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "2026-13", "2026-00", "2026-3", "2026-Q0", "2026-Q5", "2026Q1", "2026-q1", "26-03",
            "2026-03-01", "1900", "2026-H1", "march"})
    void anythingElseIsA400(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.slug()).isEqualTo("invalid-period");
        });
    }

    @Test
    void boundsAreShanghaiMidnights() {
        Period march = Period.parse("2026-03");
        // 2026-03-01 00:00 in Shanghai is 2026-02-28 16:00 UTC.
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(march.contains(Instant.parse("2026-02-28T16:00:00Z"))).isTrue();
        assertThat(march.contains(Instant.parse("2026-02-28T15:59:59Z"))).isFalse();
        assertThat(march.contains(Instant.parse("2026-03-31T15:59:59Z"))).isTrue();
        // Late evening of 31 March UTC is already 1 April in Shanghai.
        assertThat(march.contains(Instant.parse("2026-03-31T16:00:00Z"))).isFalse();
        assertThat(Period.containing(Instant.parse("2026-03-31T16:30:00Z"), 1).label()).isEqualTo("2026-04");
        assertThat(Period.containing(Instant.parse("2026-03-31T16:30:00Z"), 3).label()).isEqualTo("2026-Q2");
        assertThat(Period.containing(Instant.parse("2025-12-31T16:30:00Z"), 12).label()).isEqualTo("2026");
        assertThat(Period.containing(Instant.parse("2026-06-30T15:00:00Z"), 6).label()).isEqualTo("2026-H1");
    }

    @Test
    void splitsIntoCycles() {
        Period q1 = Period.parse("2026-Q1");
        assertThat(q1.split(1)).extracting(Period::label).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(q1.split(3)).extracting(Period::label).containsExactly("2026-Q1");
        assertThat(q1.split(6)).isEmpty();
        assertThat(q1.split(12)).isEmpty();
        assertThat(Period.parse("2026").split(6)).extracting(Period::label).containsExactly("2026-H1", "2026-H2");
        assertThat(Period.parse("2026").contains(q1)).isTrue();
        assertThat(q1.contains(Period.parse("2026-04"))).isFalse();
    }

    @Test
    void onlyCalendarPeriodsExist() {
        assertThatThrownBy(() -> new Period(YearMonth.of(2026, 2), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(YearMonth.of(2026, 1), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
