package party.training.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import party.platform.web.ApiException;

/**
 * Which days of a year sessions fall on: weekdays by their ordinal in the month, written as in
 * RFC 5545 BYDAY ("1TU" the first Tuesday, "3TU" the third, "-1FR" the last Friday), in the
 * months {@code fromMonth} to {@code toMonth}, each from {@code startTime} to {@code endTime}
 * (Asia/Shanghai). The seed's rule: byDay 1TU,3TU, months 3 to 10, 14:30 to 17:00.
 */
public record RecurrenceRule(List<String> byDay, int fromMonth, int toMonth, LocalTime startTime, LocalTime endTime) {

    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    /** The days of the year the rule names, in order, each once. */
    public List<LocalDate> dates(int year) {
        if (fromMonth < 1 || toMonth > 12 || fromMonth > toMonth) {
            throw ApiException.unprocessable("recurrence-months", fromMonth, toMonth);
        }
        if (!startTime.isBefore(endTime)) {
            throw ApiException.unprocessable("session-ends-before-start");
        }
        if (byDay == null || byDay.isEmpty()) {
            throw ApiException.unprocessable("recurrence-by-day", "");
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int month = fromMonth; month <= toMonth; month++) {
            YearMonth ym = YearMonth.of(year, month);
            for (String day : byDay) {
                LocalDate date = day(ym, day);
                if (date != null) {
                    dates.add(date);
                }
            }
        }
        return new ArrayList<>(dates);
    }

    /** The day of a month a BYDAY item names; null when the month has no such day (a 5th Tuesday). */
    static LocalDate day(YearMonth month, String item) {
        String text = item == null ? "" : item.strip().toUpperCase();
        if (!text.matches("-?[1-5](MO|TU|WE|TH|FR|SA|SU)")) {
            throw ApiException.unprocessable("recurrence-by-day", item);
        }
        DayOfWeek weekday = DAYS.get(text.substring(text.length() - 2));
        int ordinal = Integer.parseInt(text.substring(0, text.length() - 2));
        if (ordinal < 0) {
            LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(weekday));
            LocalDate date = last.minusWeeks(-ordinal - 1L);
            return YearMonth.from(date).equals(month) ? date : null;
        }
        LocalDate date = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
        return YearMonth.from(date).equals(month) ? date : null;
    }
}
