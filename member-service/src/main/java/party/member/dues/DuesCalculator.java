package party.member.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The monthly dues amount, in ONE place. Rounding rule: amount = base × rate, rounded HALF_UP to
 * 0.01 yuan (scale 2); fixed amounts are exact. Boundaries are inclusive upwards: a base of exactly
 * 3,000.00 is still 0.5 %, 3,000.01 is 1 %.
 */
public final class DuesCalculator {

    /** The fixed monthly amount of students, the unemployed and minimum-living-allowance recipients. */
    public static final BigDecimal FIXED_LOW = new BigDecimal("0.20");
    public static final BigDecimal FARMER_MIN = new BigDecimal("0.20");
    public static final BigDecimal FARMER_MAX = new BigDecimal("1.00");

    private static final BigDecimal B3000 = new BigDecimal("3000.00");
    private static final BigDecimal B5000 = new BigDecimal("5000.00");
    private static final BigDecimal B10000 = new BigDecimal("10000.00");
    private static final BigDecimal R05 = new BigDecimal("0.005");
    private static final BigDecimal R1 = new BigDecimal("0.01");
    private static final BigDecimal R15 = new BigDecimal("0.015");
    private static final BigDecimal R2 = new BigDecimal("0.02");

    private DuesCalculator() {
    }

    /** The rate applied to a salary base of the category; only for salary-based categories. */
    public static BigDecimal rate(DuesCategory category, BigDecimal base) {
        return switch (category) {
            case EMPLOYED -> base.compareTo(B3000) <= 0 ? R05
                    : base.compareTo(B5000) <= 0 ? R1
                    : base.compareTo(B10000) <= 0 ? R15 : R2;
            case RETIRED -> base.compareTo(B5000) <= 0 ? R05 : R1;
            default -> throw new IllegalArgumentException(category + " is not salary-based");
        };
    }

    /**
     * The monthly amount in yuan, scale 2.
     *
     * @param base after-tax regular monthly income (salary-based categories only)
     * @param farmerAmount the fixed amount the branch set (FARMER only)
     */
    public static BigDecimal monthly(DuesCategory category, BigDecimal base, BigDecimal farmerAmount) {
        return switch (category) {
            case EMPLOYED, RETIRED -> round(base.multiply(rate(category, base)));
            case STUDENT, UNEMPLOYED, MINIMUM_LIVING_ALLOWANCE -> FIXED_LOW;
            case FARMER -> farmerAmount.setScale(2, RoundingMode.UNNECESSARY);
        };
    }

    /** The one rounding rule: HALF_UP to 0.01 yuan. */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
