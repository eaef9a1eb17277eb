package party.organization.meeting;

import java.util.List;

/**
 * How often a type of meeting is due in each unit (branch or group). A period asks only for the
 * types whose cycle fits in it: a month asks the monthly types, a quarter the monthly (three
 * times) and quarterly ones, a year all of them.
 */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3),
    HALF_YEARLY(6),
    YEARLY(12),
    /** Not required at all (a local choice). */
    NONE(0);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The cycles of this frequency inside {@code period}, each of which needs a meeting; empty when not asked. */
    public List<Period> cyclesIn(Period period) {
        return period.split(months);
    }

    /** How many meetings one unit owes in {@code period}. */
    public int dueIn(Period period) {
        return cyclesIn(period).size();
    }

    public boolean askedIn(Period period) {
        return dueIn(period) > 0;
    }
}
