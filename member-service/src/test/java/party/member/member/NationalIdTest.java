package party.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    @Test
    void aWellFormedNumberIsValid() {
        assertThat(NationalId.isValid("110105199003071239")).isTrue();
        assertThat(NationalId.isValid("440524188001010014")).isFalse(); // born 1880: before 1900
        assertThat(NationalId.isValid("110101198001010037")).isTrue();
    }

    @Test
    void aWrongCheckDigitIsInvalid() {
        assertThat(NationalId.isValid("110105199003071238")).isFalse();
        assertThat(NationalId.isValid("110105199003071230")).isFalse();
        assertThat(NationalId.isValid("11010519491231002")).isFalse();
    }

    @Test
    void aNumberEndingInXIsValidAndALowercaseXIsReadAsX() {
        assertThat(NationalId.isValid("11010519491231002X")).isTrue();
        assertThat(NationalId.isValid("11010519491231002x")).isTrue();
        assertThat(NationalId.normalize(" 11010519491231002x ")).isEqualTo("11010519491231002X");
        // X is only ever the check character, and only where the computation gives it.
        assertThat(NationalId.isValid("110105199003071X39")).isFalse();
        assertThat(NationalId.isValid("110105199003071X")).isFalse();
        assertThat(NationalId.isValid("11010519491231002Y")).isFalse();
    }

    @Test
    void theBirthDateMustBeARealPastDate() {
        // 1990-02-30 does not exist: even with the right check character the number is invalid.
        String feb30 = "110105" + "19900230" + "123";
        String withCheck = feb30 + NationalId.checkChar(feb30);
        assertThat(NationalId.birthDate(withCheck)).isEmpty();
        assertThat(NationalId.isValid(withCheck)).isFalse();

        String month13 = "11010519901301123";
        assertThat(NationalId.isValid(month13 + NationalId.checkChar(month13))).isFalse();

        String future = "110105" + (LocalDate.now().getYear() + 1) + "0101123";
        assertThat(NationalId.isValid(future + NationalId.checkChar(future))).isFalse();

        assertThat(NationalId.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051990030712", "11010519900307123", "1101051990030712399", "11010519900307123９",
            "11010519900307123 9", "abcdefghijklmnopqr"})
    void anythingButEighteenCharactersOfTheRightKindIsInvalid(String value) {
        assertThat(NationalId.isValid(value)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(NationalId.isValid(null)).isFalse();
        assertThat(NationalId.birthDate(null)).isEmpty();
    }

    @Test
    void theTestGeneratorMakesValidNumbers() {
        for (int i = 0; i < 200; i++) {
            String id = TestIds.nationalId(LocalDate.of(1950, 1, 1).plusDays(i * 97L));
            assertThat(NationalId.isValid(id)).as(id).isTrue();
        }
    }
}
