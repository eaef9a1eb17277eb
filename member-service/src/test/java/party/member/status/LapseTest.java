package party.member.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LapseTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void sixUnpaidMonthsWithoutAttendanceAreFlaggedFiveAreNot() {
        Lapse six = Lapse.of(MARCH, YearMonth.of(2020, 1), unpaidFrom(YearMonth.of(2025, 10)), Set.<YearMonth>of()::contains);
        assertThat(six.lapsedMonths()).isEqualTo(6);
        assertThat(six.since()).isEqualTo(YearMonth.of(2025, 10));
        assertThat(six.flagged(6)).isTrue();

        Lapse five = Lapse.of(MARCH, YearMonth.of(2020, 1), unpaidFrom(YearMonth.of(2025, 11)), Set.<YearMonth>of()::contains);
        assertThat(five.lapsedMonths()).isEqualTo(5);
        assertThat(five.monthsWithoutDues()).isEqualTo(5);
        assertThat(five.monthsWithoutAttendance()).isEqualTo(75); // 2020-01 .. 2026-03, bounded by joining
        assertThat(five.flagged(6)).isFalse();
    }

    @Test
    void attendanceInTheRunBreaksItEvenWhenDuesAreUnpaid() {
        Lapse lapse = Lapse.of(MARCH, YearMonth.of(2020, 1), unpaidFrom(YearMonth.of(2024, 1)),
                Set.of(YearMonth.of(2025, 12))::contains);
        assertThat(lapse.monthsWithoutDues()).isGreaterThan(20);
        assertThat(lapse.monthsWithoutAttendance()).isEqualTo(3);
        assertThat(lapse.lapsedMonths()).isEqualTo(3);
        assertThat(lapse.since()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(lapse.flagged(6)).isFalse();
    }

    @Test
    void mixedMonthsCountOnlyTheRunEndingAtTheMonthEvaluated() {
        // paid in 2025-06 and attended in 2025-04: lapsed 2025-07 .. 2026-03 = 9 months
        Map<YearMonth, Lapse.Dues> dues = Map.of(YearMonth.of(2025, 6), Lapse.Dues.PAID);
        Lapse lapse = Lapse.of(MARCH, YearMonth.of(2024, 1), m -> dues.getOrDefault(m, Lapse.Dues.UNPAID),
                Set.of(YearMonth.of(2025, 4))::contains);
        assertThat(lapse.lapsedMonths()).isEqualTo(9);
        assertThat(lapse.monthsWithoutDues()).isEqualTo(9);
        assertThat(lapse.monthsWithoutAttendance()).isEqualTo(11);
        assertThat(lapse.since()).isEqualTo(YearMonth.of(2025, 7));

        // the month evaluated itself paid: nothing runs
        Lapse paidNow = Lapse.of(MARCH, YearMonth.of(2024, 1), m -> m.equals(MARCH) ? Lapse.Dues.PAID : Lapse.Dues.UNPAID,
                Set.<YearMonth>of()::contains);
        assertThat(paidNow.lapsedMonths()).isZero();
        assertThat(paidNow.since()).isNull();
    }

    @Test
    void monthsBeforeJoiningAndMonthsWithoutDuesBaseEndTheRun() {
        Lapse newMember = Lapse.of(MARCH, YearMonth.of(2025, 11), m -> Lapse.Dues.UNPAID, Set.<YearMonth>of()::contains);
        assertThat(newMember.lapsedMonths()).isEqualTo(5);
        assertThat(newMember.flagged(6)).isFalse();

        Lapse unknown = Lapse.of(MARCH, YearMonth.of(2020, 1), m -> Lapse.Dues.UNKNOWN, Set.<YearMonth>of()::contains);
        assertThat(unknown.lapsedMonths()).isZero();
        assertThat(unknown.monthsWithoutDues()).isZero();
        assertThat(unknown.flagged(6)).isFalse();

        Lapse unknownInside = Lapse.of(MARCH, YearMonth.of(2020, 1),
                m -> m.equals(YearMonth.of(2025, 12)) ? Lapse.Dues.UNKNOWN : Lapse.Dues.UNPAID, Set.<YearMonth>of()::contains);
        assertThat(unknownInside.lapsedMonths()).isEqualTo(3);
    }

    @Test
    void meetingMonthsAreCountedInShanghai() {
        assertThat(Attendance.monthOf(Instant.parse("2026-01-31T16:00:00Z"))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(Attendance.monthOf(Instant.parse("2026-01-31T15:59:59Z"))).isEqualTo(YearMonth.of(2026, 1));
    }

    private static java.util.function.Function<YearMonth, Lapse.Dues> unpaidFrom(YearMonth first) {
        return m -> m.isBefore(first) ? Lapse.Dues.PAID : Lapse.Dues.UNPAID;
    }
}
