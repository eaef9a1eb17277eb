package party.member.statistics;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The bands of the annual Party statistics report (党内统计年报): age and Party standing (党龄).
 * Each band is also written as a date threshold so that MongoDB can band ISO date strings by
 * comparing them, without loading members: age at most {@code u} years on {@code asOf} is a birth
 * date after {@code asOf - (u + 1) years}; a standing under {@code b} years is a start date after
 * {@code asOf - b years}.
 */
public final class Bands {

    /** Upper ends of the age bands; older than the last is {@link #AGE_OLDEST}. */
    static final int[] AGE_UPPER = {30, 35, 40, 45, 50, 55, 60, 70};
    static final List<String> AGE_LABELS = List.of("<=30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60", "61-70");
    static final String AGE_OLDEST = ">70";
    /** Lower ends (exclusive upper of the band before) of the standing bands. */
    static final int[] STANDING_LOWER = {5, 10, 20, 30, 40, 50};
    static final List<String> STANDING_LABELS = List.of("<5", "5-9", "10-19", "20-29", "30-39", "40-49");
    static final String STANDING_LONGEST = ">=50";
    static final String UNKNOWN = "UNKNOWN";

    private Bands() {
    }

    /** Whole years from {@code from} to {@code asOf}, as a birthday counts them. */
    static int years(LocalDate from, LocalDate asOf) {
        return Period.between(from, asOf).getYears();
    }

    static String ageBand(int age) {
        for (int i = 0; i < AGE_UPPER.length; i++) {
            if (age <= AGE_UPPER[i]) {
                return AGE_LABELS.get(i);
            }
        }
        return AGE_OLDEST;
    }

    static String standingBand(int years) {
        for (int i = 0; i < STANDING_LOWER.length; i++) {
            if (years < STANDING_LOWER[i]) {
                return STANDING_LABELS.get(i);
            }
        }
        return STANDING_LONGEST;
    }

    /** A band as a date threshold: a date strictly after {@code after} (and before earlier thresholds) is in {@code label}. */
    record Threshold(LocalDate after, String label) {
    }

    /** Age bands, youngest first; a birth date after none of them is {@link #AGE_OLDEST}. */
    static List<Threshold> ageThresholds(LocalDate asOf) {
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < AGE_UPPER.length; i++) {
            thresholds.add(new Threshold(asOf.minusYears(AGE_UPPER[i] + 1L), AGE_LABELS.get(i)));
        }
        return thresholds;
    }

    /** Standing bands, shortest first; a start after none of them is {@link #STANDING_LONGEST}. */
    static List<Threshold> standingThresholds(LocalDate asOf) {
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < STANDING_LOWER.length; i++) {
            thresholds.add(new Threshold(asOf.minusYears(STANDING_LOWER[i]), STANDING_LABELS.get(i)));
        }
        return thresholds;
    }

    /** The band of {@code date} by thresholds, as the aggregation computes it; for tests of their equivalence. */
    static String byThreshold(LocalDate date, List<Threshold> thresholds, String otherwise) {
        for (Threshold t : thresholds) {
            if (date.isAfter(t.after())) {
                return t.label();
            }
        }
        return otherwise;
    }
}
