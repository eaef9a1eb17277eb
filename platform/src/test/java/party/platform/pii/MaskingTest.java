package party.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumbersAreMaskedByPositionWhateverTheLastCharacter() {
        assertThat(Masking.nationalId("110105194912310021")).isEqualTo("110105********0021");
        assertThat(Masking.nationalId("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void phonesKeepPrefixAndLastFour() {
        assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
    }

    @Test
    void shortValuesAreMaskedWholeAndNullStaysNull() {
        assertThat(Masking.mask("1234", 3, 4)).isEqualTo("****");
        assertThat(Masking.phone(null)).isNull();
    }
}
