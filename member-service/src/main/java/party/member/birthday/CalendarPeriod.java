package party.member.birthday;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import party.platform.web.ApiException;

/**
 * A day, an ISO week (Monday to Sunday, {@code 2026-W27}) or a month ({@code 2026-07}) on the
 * calendar, as the inclusive range {@code from..to}.
 */
public record CalendarPeriod(LocalDate from, LocalDate to) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Exactly one of the three must be given.
     *
     * @throws ApiException 400 {@code political-birthday-invalid-period} when none, several or a malformed one is given
     */
    public static CalendarPeriod parse(String date, String week, String month) {
        int given = (blank(date) ? 0 : 1) + (blank(week) ? 0 : 1) + (blank(month) ? 0 : 1);
        if (given != 1) {
            throw ApiException.badRequest("political-birthday-invalid-period", "-");
        }
        try {
            if (!blank(date)) {
                if (!DAY.matcher(date.strip()).matches()) {
                    throw invalid(date);
                }
                LocalDate day = LocalDate.parse(date.strip());
                return new CalendarPeriod(day, day);
            }
            if (!blank(week)) {
                return week(week.strip());
            }
            Matcher m = MONTH.matcher(month.strip());
            if (!m.matches()) {
                throw invalid(month);
            }
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new CalendarPeriod(yearMonth.atDay(1), yearMonth.atEndOfMonth());
        } catch (DateTimeException e) {
            throw invalid(!blank(date) ? date : !blank(week) ? week : month);
        }
    }

    /** ISO week {@code yyyy-Www}: week 1 holds the year's first Thursday; a year has 52 or 53 weeks. */
    static CalendarPeriod week(String value) {
        Matcher m = WEEK.matcher(value);
        if (!m.matches()) {
            throw invalid(value);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate midYear = LocalDate.of(year, 6, 1);
        long weeks = midYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw invalid(value);
        }
        LocalDate monday = midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return new CalendarPeriod(monday, monday.plusDays(6));
    }

    /**
     * The month-days ({@code MM-dd}) of the period, with {@code 02-29} added where the period holds
     * 28 February of a non-leap year: the days whose anniversaries fall in the period.
     */
    public Set<String> anniversaryMonthDays() {
        Set<String> days = new LinkedHashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth()));
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                days.add("02-29");
            }
        }
        return days;
    }

    private static ApiException invalid(String value) {
        return ApiException.badRequest("political-birthday-invalid-period", value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
