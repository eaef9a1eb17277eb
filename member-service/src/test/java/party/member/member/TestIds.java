package party.member.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct national ID numbers for tests. */
public final class TestIds {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final String[] REGIONS = {"110105", "310104", "440305", "370102", "620102"};

    private TestIds() {
    }

    public static String nationalId(LocalDate birthDate) {
        int n = SEQUENCE.getAndIncrement();
        String first17 = REGIONS[(n / 1000) % REGIONS.length] + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n % 1000);
        return first17 + NationalId.checkChar(first17);
    }

    /** A valid number whose check character is X. */
    public static String nationalIdEndingInX(LocalDate birthDate) {
        while (true) {
            String id = nationalId(birthDate);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    /** A random birth date between 1950 and 2000. */
    public static LocalDate birthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 50));
    }
}
