package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.web.ApiException;

/** Month arithmetic of dues: Asia/Shanghai months, ranges, quarters, parsing. */
class DuesMonthsTest {

    @Test
    void anInstantBelongsToItsMonthInShanghaiNotUtc() {
        // 2026-02-28T16:30Z is already 2026-03-01 00:30 in Shanghai.
        assertThat(DuesMonths.of(Instant.parse("2026-02-28T16:30:00Z"))).isEqualTo(YearMonth.of(2026, 3));
        assertThat(DuesMonths.of(Instant.parse("2026-02-28T15:59:59Z"))).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void monthsBetweenCountsAcrossYears() {
        assertThat(DuesMonths.between(YearMonth.of(2025, 9), YearMonth.of(2026, 3))).isEqualTo(6);
        assertThat(DuesMonths.between(YearMonth.of(2025, 8), YearMonth.of(2026, 3))).isEqualTo(7);
        assertThat(DuesMonths.between(YearMonth.of(2026, 4), YearMonth.of(2026, 3))).isEqualTo(-1);
    }

    @Test
    void rangesAreInclusiveAndEmptyWhenReversed() {
        assertThat(DuesMonths.range(YearMonth.of(2025, 11), YearMonth.of(2026, 2))).containsExactly(
                YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        assertThat(DuesMonths.range(YearMonth.of(2026, 3), YearMonth.of(2026, 3))).containsExactly(YearMonth.of(2026, 3));
        assertThat(DuesMonths.range(YearMonth.of(2026, 4), YearMonth.of(2026, 3))).isEmpty();
    }

    @Test
    void onlyTheThreeMonthsOfOneCalendarQuarterAreAQuarter() {
        assertThat(DuesMonths.isCalendarQuarter(months("2026-01", "2026-02", "2026-03"))).isTrue();
        assertThat(DuesMonths.isCalendarQuarter(months("2026-10", "2026-11", "2026-12"))).isTrue();
        assertThat(DuesMonths.isCalendarQuarter(months("2026-02", "2026-03", "2026-04"))).isFalse();
        assertThat(DuesMonths.isCalendarQuarter(months("2026-01", "2026-03", "2026-04"))).isFalse();
        assertThat(DuesMonths.isCalendarQuarter(months("2026-01", "2026-02"))).isFalse();
    }

    @Test
    void monthsParseStrictly() {
        assertThat(DuesMonths.parse("2026-03")).isEqualTo(YearMonth.of(2026, 3));
        for (String bad : new String[] {"2026-3", "2026-13", "2026-00", "03-2026", "2026-03-01", "", null}) {
            assertThatThrownBy(() -> DuesMonths.parse(bad)).as(String.valueOf(bad)).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).slug()).isEqualTo("invalid-month");
        }
    }

    private static List<YearMonth> months(String... values) {
        return java.util.Arrays.stream(values).map(YearMonth::parse).toList();
    }
}
