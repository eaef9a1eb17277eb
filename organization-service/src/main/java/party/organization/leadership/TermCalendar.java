package party.organization.leadership;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import party.platform.web.ApiException;

/**
 * Term arithmetic: default end dates, the date rules of a first term and of a renewal, and expiry.
 * All dates are calendar dates in Asia/Shanghai.
 */
public final class TermCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final LeadershipProperties properties;

    public TermCalendar(LeadershipProperties properties) {
        this.properties = properties;
    }

    /** Today's date in Asia/Shanghai. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The end of a term started on {@code start}: the same day 3 (enterprise) or 5 (village, community) years on. */
    public LocalDate defaultEnd(LocalDate start, UnitKind kind) {
        return start.plusYears(properties.termYears(kind));
    }

    /**
     * Checks the dates of a first term and returns its end date.
     *
     * @param foundedOn the organization's founding date, null when unknown
     */
    public LocalDate firstTerm(LocalDate start, LocalDate end, UnitKind kind, LocalDate foundedOn, LocalDate today) {
        if (start.isAfter(today)) {
            throw ApiException.unprocessable("leadership-start-in-future", start);
        }
        if (foundedOn != null && start.isBefore(foundedOn)) {
            throw ApiException.unprocessable("leadership-start-before-founding", start, foundedOn);
        }
        return end(start, end, kind);
    }

    /**
     * Checks the election date of a renewal against the term it replaces and returns the new term's end.
     * The election may come early (before the previous term's end) but not before the previous start.
     */
    public LocalDate renewal(Term previous, LocalDate election, LocalDate end, UnitKind kind, LocalDate today) {
        if (election.isAfter(today)) {
            throw ApiException.unprocessable("leadership-start-in-future", election);
        }
        if (election.isBefore(previous.startDate())) {
            throw ApiException.unprocessable("leadership-renewal-before-previous-start", election, previous.startDate());
        }
        return end(election, end, kind);
    }

    private LocalDate end(LocalDate start, LocalDate end, UnitKind kind) {
        if (end == null) {
            return defaultEnd(start, kind);
        }
        if (!end.isAfter(start)) {
            throw ApiException.unprocessable("leadership-end-not-after-start", end, start);
        }
        return end;
    }

    /** A current term whose end date has passed without a renewal. */
    public static boolean expired(Term term, LocalDate today) {
        return term.current() && term.endDate().isBefore(today);
    }

    /** A current term ending between today and {@code withinDays} days from today, both included. */
    public static boolean expiring(Term term, LocalDate today, int withinDays) {
        return term.current() && !term.endDate().isBefore(today) && !term.endDate().isAfter(today.plusDays(withinDays));
    }

    /** Days from today to the term's end; negative once it has passed. */
    public static long daysLeft(Term term, LocalDate today) {
        return ChronoUnit.DAYS.between(today, term.endDate());
    }
}
