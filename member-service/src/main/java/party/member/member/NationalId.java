package party.member.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-character citizen identity number of GB 11643-1999: 6 digits of region, 8 of birth date
 * (yyyyMMdd), 3 of sequence (odd for men), and a check character computed over the first 17 with
 * the weights below, modulo 11, mapped onto {@code "10X98765432"}. A lowercase x is read as X.
 */
public final class NationalId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    private static final int LENGTH = 18;

    private NationalId() {
    }

    /** The canonical form stored, indexed and compared: trimmed, with an uppercase X. */
    public static String normalize(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether the value (before or after normalizing) is a well-formed number with a real, past birth date. */
    public static boolean isValid(String value) {
        String id = normalize(value);
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return false;
            }
        }
        char last = id.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            return false;
        }
        if (checkChar(id.substring(0, LENGTH - 1)) != last) {
            return false;
        }
        return birthDate(id).filter(date -> date.getYear() >= 1900 && !date.isAfter(LocalDate.now(CALENDAR))).isPresent();
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need the first 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** The birth date written in a number (characters 7 to 14), if it is a real calendar date. */
    public static Optional<LocalDate> birthDate(String value) {
        String id = normalize(value);
        if (id == null || id.length() != LENGTH) {
            return Optional.empty();
        }
        String digits = id.substring(6, 14);
        for (int i = 0; i < digits.length(); i++) {
            if (!isAsciiDigit(digits.charAt(i))) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
