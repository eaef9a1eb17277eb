package party.training.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import party.platform.web.ApiException;

/** Calendar rules (year, month, day) are on the Asia/Shanghai calendar. */
public final class TrainingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TrainingCalendar() {
    }

    public static int yearOf(Instant instant) {
        return instant.atZone(ZONE).getYear();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** A year a request may name; 400 otherwise. */
    public static int checkedYear(int year) {
        if (year < 1921 || year > 9999) {
            throw ApiException.badRequest("invalid-year", String.valueOf(year));
        }
        return year;
    }
}
