package party.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.platform.pii.Masking;

/** The masking the member API relies on: by position, whatever the characters. */
class MaskingTest {

    @Test
    void aNationalIdKeepsRegionAndLastFour() {
        assertThat(Masking.nationalId("110105199003071239")).isEqualTo("110105********1239");
    }

    @Test
    void aNationalIdEndingInXIsMaskedLikeAnyOther() {
        assertThat(Masking.nationalId("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void aMobileNumberKeepsThreeAndFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void shortValuesAreMaskedEntirelyAndNullStaysNull() {
        assertThat(Masking.phone("1234567")).isEqualTo("*******");
        assertThat(Masking.nationalId(null)).isNull();
    }
}
