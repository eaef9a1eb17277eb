package party.member.birthday;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Anniversary arithmetic on the Asia/Shanghai calendar, shared by political birthdays, Party
 * standing and age. A 29 February origin has its anniversary on 28 February in non-leap years
 * ({@link LocalDate#withYear} clamps it so), and a year of standing or age is completed on the
 * anniversary, so both rules agree on the same day.
 */
public final class Anniversaries {

    public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private Anniversaries() {
    }

    /** Today on the Asia/Shanghai calendar. */
    public static LocalDate today() {
        return LocalDate.now(CALENDAR);
    }

    /** The anniversary of {@code origin} in {@code year}: 29 February becomes 28 February in non-leap years. */
    public static LocalDate in(LocalDate origin, int year) {
        return origin.withYear(year);
    }

    /** Whole years from {@code origin} to {@code on}, counting a year as complete on its anniversary; 0 if not yet begun. */
    public static int completedYears(LocalDate origin, LocalDate on) {
        int years = on.getYear() - origin.getYear();
        if (in(origin, on.getYear()).isAfter(on)) {
            years--;
        }
        return Math.max(years, 0);
    }

    /**
     * The latest origin date that has completed {@code years} on {@code on}. One day later than
     * {@code on.minusYears(years)} when that lands on 28 February of a leap year while {@code on}
     * is 28 February of a non-leap year: a 29 February origin has then completed the year too.
     */
    public static LocalDate latestOriginWith(int years, LocalDate on) {
        LocalDate cutoff = on.minusYears(years);
        if (on.getMonthValue() == 2 && on.getDayOfMonth() == 28 && !on.isLeapYear() && cutoff.isLeapYear()) {
            return cutoff.plusDays(1);
        }
        return cutoff;
    }

    /**
     * The anniversary of {@code origin} within {@code from..to} (inclusive) with at least one
     * completed year, if any; a period of up to a year holds at most one.
     */
    public static Optional<LocalDate> within(LocalDate origin, LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate anniversary = in(origin, year);
            if (year > origin.getYear() && !anniversary.isBefore(from) && !anniversary.isAfter(to)) {
                return Optional.of(anniversary);
            }
        }
        return Optional.empty();
    }
}
