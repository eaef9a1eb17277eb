package party.standalone.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Citizen ID numbers (公民身份号码) by GB 11643-1999: 6-digit area code, birth date, 3-digit
 * sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class NationalIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private NationalIds() {
    }

    /** The full 18-character number for the first 17 digits. */
    public static String of(String area, LocalDate birthDate, int sequence) {
        String body = area + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    /** The first number from {@code sequence} on (same sex) whose check character is X. */
    public static String endingInX(String area, LocalDate birthDate, int sequence) {
        for (int s = sequence; s < 1000; s += 2) {
            String id = of(area, birthDate, s);
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalArgumentException("no sequence from " + sequence + " gives a check character X");
    }

    public static char checkCharacter(String first17) {
        if (first17.length() != 17 || !first17.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("17 digits expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static boolean isValid(String id) {
        return id != null && id.length() == 18 && id.substring(0, 17).chars().allMatch(Character::isDigit)
                && checkCharacter(id.substring(0, 17)) == Character.toUpperCase(id.charAt(17));
    }
}
