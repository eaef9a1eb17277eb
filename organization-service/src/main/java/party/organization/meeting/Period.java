package party.organization.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import party.platform.web.ApiException;

/**
 * A calendar period of whole months in Asia/Shanghai: a month ({@code 2026-03}), a quarter
 * ({@code 2026-Q1}), a half year ({@code 2026-H1}, only as a sub-period) or a year ({@code 2026}).
 * Organizational-life rules are counted in these periods, so their bounds are Shanghai midnights,
 * not UTC ones.
 *
 * @param first the first month of the period
 * @param months its length: 1, 3, 6 or 12
 */
public record Period(YearMonth first, int months) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (months != 1 && months != 3 && months != 6 && months != 12 || (first.getMonthValue() - 1) % months != 0) {
            throw new IllegalArgumentException("not a calendar period: " + first + " + " + months + " months");
        }
    }

    /**
     * Reads {@code 2026-03}, {@code 2026-Q1} or {@code 2026}.
     *
     * @throws ApiException 400 {@code invalid-period} for anything else
     */
    public static Period parse(String text) {
        if (text != null) {
            String value = text.trim();
            Matcher m;
            if ((m = MONTH.matcher(value)).matches()) {
                return new Period(YearMonth.of(year(m), Integer.parseInt(m.group(2))), 1);
            }
            if ((m = QUARTER.matcher(value)).matches()) {
                return new Period(YearMonth.of(year(m), (Integer.parseInt(m.group(2)) - 1) * 3 + 1), 3);
            }
            if ((m = YEAR.matcher(value)).matches()) {
                return new Period(YearMonth.of(year(m), 1), 12);
            }
        }
        throw ApiException.badRequest("invalid-period", text);
    }

    private static int year(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (year < 1921) {
            // Before the Party existed: certainly a typing error.
            throw ApiException.badRequest("invalid-period", m.group());
        }
        return year;
    }

    /** The month, quarter, half year or year an instant falls in (Shanghai calendar). */
    public static Period containing(Instant instant, int months) {
        YearMonth month = YearMonth.from(instant.atZone(ZONE));
        int index = (month.getMonthValue() - 1) / months;
        return new Period(YearMonth.of(month.getYear(), index * months + 1), months);
    }

    public boolean isMonth() {
        return months == 1;
    }

    public boolean isQuarter() {
        return months == 3;
    }

    /** The text form, as parsed: {@code 2026-03}, {@code 2026-Q1}, {@code 2026-H1}, {@code 2026}. */
    public String label() {
        int index = (first.getMonthValue() - 1) / months + 1;
        return switch (months) {
            case 1 -> first.toString();
            case 3 -> first.getYear() + "-Q" + index;
            case 6 -> first.getYear() + "-H" + index;
            default -> String.valueOf(first.getYear());
        };
    }

    @Override
    public String toString() {
        return label();
    }

    /** The last month of the period. */
    public YearMonth last() {
        return first.plusMonths(months - 1L);
    }

    public LocalDate firstDay() {
        return first.atDay(1);
    }

    public LocalDate lastDay() {
        return last().atEndOfMonth();
    }

    /** Shanghai midnight at the start of the first day. */
    public Instant start() {
        return firstDay().atStartOfDay(ZONE).toInstant();
    }

    /** Shanghai midnight after the last day (exclusive). */
    public Instant end() {
        return lastDay().plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** Whether the period lies wholly within this one. */
    public boolean contains(Period other) {
        return !other.first.isBefore(first) && !other.last().isAfter(last());
    }

    /** The consecutive sub-periods of {@code length} months covering this period; empty when they do not fit. */
    public List<Period> split(int length) {
        List<Period> parts = new ArrayList<>();
        if (length <= 0 || length > months || months % length != 0) {
            return parts;
        }
        for (YearMonth month = first; !month.isAfter(last()); month = month.plusMonths(length)) {
            parts.add(new Period(month, length));
        }
        return parts;
    }
}
