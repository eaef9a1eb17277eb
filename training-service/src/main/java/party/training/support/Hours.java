package party.training.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import party.platform.web.ApiException;

/**
 * Credit hours are kept as whole hundredths of an hour (a long, so totals are exact and can be
 * incremented atomically) and shown as exact decimal strings ("2.5", "32").
 */
public final class Hours {

    private Hours() {
    }

    /** Hundredths of an hour; more than two decimals is a 400 (never silently rounded). */
    public static long centi(BigDecimal hours) {
        try {
            return hours.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.badRequest("hours-precision", hours.toPlainString());
        }
    }

    public static BigDecimal decimal(long centi) {
        BigDecimal value = BigDecimal.valueOf(centi, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** "2.5", "32", "0". */
    public static String text(long centi) {
        return decimal(centi).toPlainString();
    }

    /** Seconds of watch or attendance as hundredths of an hour, rounded down. */
    public static long centiOfSeconds(long seconds) {
        return seconds / 36;
    }
}
