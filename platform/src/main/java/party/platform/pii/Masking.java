package party.platform.pii;

/**
 * Masks personal data by position, whatever the characters are (an ID number ending in X is
 * masked like any other): the first {@code keepStart} and last {@code keepEnd} characters stay.
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        if (length <= keepStart + keepEnd) {
            return "*".repeat(length);
        }
        return value.substring(0, keepStart) + "*".repeat(length - keepStart - keepEnd) + value.substring(length - keepEnd);
    }

    /** Chinese resident ID number: region (6) and check part (4) stay, the birth date is hidden. */
    public static String nationalId(String value) {
        return mask(value, 6, 4);
    }

    /** Mobile number: 138****5678. */
    public static String phone(String value) {
        return mask(value, 3, 4);
    }
}
