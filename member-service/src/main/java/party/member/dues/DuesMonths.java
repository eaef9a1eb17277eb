package party.member.dues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import party.platform.web.ApiException;

/** Calendar months of dues, always in Asia/Shanghai. */
public final class DuesMonths {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DuesMonths() {
    }

    public static YearMonth current() {
        return YearMonth.now(ZONE);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atZone(ZONE));
    }

    /** Parses {@code yyyy-MM}; anything else is a 400 {@code invalid-month}. */
    public static YearMonth parse(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw ApiException.badRequest("invalid-month", String.valueOf(value));
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-month", value);
        }
    }

    /** Whole months from {@code earlier} to {@code later} (negative when later is before). */
    public static long between(YearMonth earlier, YearMonth later) {
        return java.time.temporal.ChronoUnit.MONTHS.between(earlier, later);
    }

    /** Months from {@code from} to {@code to}, both inclusive; empty when from is after to. */
    public static List<YearMonth> range(YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Whether the months are exactly one calendar quarter (Jan–Mar, Apr–Jun, ...), in order. */
    public static boolean isCalendarQuarter(List<YearMonth> months) {
        if (months.size() != 3) {
            return false;
        }
        YearMonth first = months.get(0);
        return (first.getMonthValue() - 1) % 3 == 0 && months.get(1).equals(first.plusMonths(1))
                && months.get(2).equals(first.plusMonths(2));
    }
}
