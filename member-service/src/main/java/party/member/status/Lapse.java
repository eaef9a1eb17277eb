package party.member.status;

import java.time.YearMonth;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The "six consecutive months of neither paying dues nor attending organizational life" rule, on
 * months (Asia/Shanghai). A month lapses when its dues are UNPAID and the member attended no meeting.
 * Months before the member owes dues (before joining) end every run. A month whose dues are UNKNOWN
 * (no dues base in force, so the member could not pay) does not lapse: the flag needs evidence of
 * not paying, and the missing base is the branch's to set.
 *
 * @param monthsWithoutDues run of UNPAID months ending at the month evaluated
 * @param monthsWithoutAttendance run of months without attendance ending at the month evaluated
 * @param lapsedMonths run of lapsed months ending at the month evaluated
 * @param since first month of the lapsed run, null when it is empty
 */
public record Lapse(int monthsWithoutDues, int monthsWithoutAttendance, int lapsedMonths, YearMonth since) {

    /** How far back runs are followed: enough for any threshold that makes sense, bounded work per member. */
    static final int LOOKBACK_MONTHS = 120;

    public enum Dues { PAID, UNPAID, UNKNOWN }

    /**
     * @param asOf the month evaluated (the last month of the runs)
     * @param firstMonth the first month the member owes dues (the joining month)
     */
    public static Lapse of(YearMonth asOf, YearMonth firstMonth, Function<YearMonth, Dues> dues, Predicate<YearMonth> attended) {
        int withoutDues = run(asOf, firstMonth, month -> dues.apply(month) == Dues.UNPAID);
        int withoutAttendance = run(asOf, firstMonth, attended.negate());
        int lapsed = run(asOf, firstMonth, month -> dues.apply(month) == Dues.UNPAID && !attended.test(month));
        return new Lapse(withoutDues, withoutAttendance, lapsed, lapsed == 0 ? null : asOf.minusMonths(lapsed - 1));
    }

    public boolean flagged(int threshold) {
        return lapsedMonths >= threshold;
    }

    private static int run(YearMonth asOf, YearMonth firstMonth, Predicate<YearMonth> counts) {
        int run = 0;
        for (YearMonth month = asOf; !month.isBefore(firstMonth) && run < LOOKBACK_MONTHS && counts.test(month);
             month = month.minusMonths(1)) {
            run++;
        }
        return run;
    }
}
