package party.assessment.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import party.platform.web.ApiException;

/**
 * A calendar period of assessment in Asia/Shanghai: a month ({@code 2026-03}, monthly spot check), a
 * quarter ({@code 2026-Q1}, quarterly inspection) or a year ({@code 2026}, evaluation and grading).
 *
 * @param first the first month
 * @param months 1, 3 or 12
 */
public record Period(YearMonth first, int months) implements Comparable<Period> {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Parses a period label; anything else is a 400 {@code invalid-period}. */
    public static Period parse(String text) {
        if (text != null) {
            Matcher m;
            if ((m = MONTH.matcher(text)).matches()) {
                return new Period(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), 1);
            }
            if ((m = QUARTER.matcher(text)).matches()) {
                return new Period(YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1), 3);
            }
            if ((m = YEAR.matcher(text)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
        }
        throw ApiException.badRequest("invalid-period", String.valueOf(text));
    }

    public static Period year(int year) {
        return new Period(YearMonth.of(year, 1), 12);
    }

    public static Period month(YearMonth month) {
        return new Period(month, 1);
    }

    /** The period of {@code months} length (1, 3, 12) containing a month. */
    public static Period containing(YearMonth month, int months) {
        int index = (month.getMonthValue() - 1) / months * months + 1;
        return new Period(YearMonth.of(month.getYear(), index), months);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth currentMonth() {
        return YearMonth.now(ZONE);
    }

    public YearMonth last() {
        return first.plusMonths(months - 1L);
    }

    public LocalDate startDate() {
        return first.atDay(1);
    }

    public LocalDate endDate() {
        return last().atEndOfMonth();
    }

    public int year() {
        return first.getYear();
    }

    public boolean isMonth() {
        return months == 1;
    }

    public boolean isQuarter() {
        return months == 3;
    }

    public boolean isYear() {
        return months == 12;
    }

    /** Whether the period has begun (today in Asia/Shanghai is on or after its first day). */
    public boolean started() {
        return !startDate().isAfter(today());
    }

    /** Whether the period is over. */
    public boolean ended() {
        return endDate().isBefore(today());
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last());
    }

    /** The months of the period. */
    public List<YearMonth> monthList() {
        List<YearMonth> all = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            all.add(first.plusMonths(i));
        }
        return all;
    }

    /** The cycles of {@code cycleMonths} inside this period; empty when a cycle is longer than the period. */
    public List<Period> split(int cycleMonths) {
        if (cycleMonths <= 0 || cycleMonths > months) {
            return List.of();
        }
        List<Period> cycles = new ArrayList<>();
        for (int i = 0; i < months; i += cycleMonths) {
            cycles.add(new Period(first.plusMonths(i), cycleMonths));
        }
        return cycles;
    }

    public String label() {
        return switch (months) {
            case 1 -> first.toString();
            case 3 -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            case 6 -> first.getYear() + "-H" + ((first.getMonthValue() - 1) / 6 + 1);
            default -> String.valueOf(first.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        int byStart = first.compareTo(other.first);
        return byStart != 0 ? byStart : Integer.compare(months, other.months);
    }

    @Override
    public String toString() {
        return label();
    }
}
