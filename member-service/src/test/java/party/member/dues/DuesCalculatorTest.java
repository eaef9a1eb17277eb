package party.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Brackets at every boundary and the one rounding rule (base × rate, HALF_UP to 0.01 yuan). */
class DuesCalculatorTest {

    @ParameterizedTest(name = "employed {0} → rate {1}, {2} yuan")
    @CsvSource({
            "0.00,     0.005, 0.00",
            "2999.99,  0.005, 15.00",   // 14.99995 → 15.00 (HALF_UP)
            "3000.00,  0.005, 15.00",   // exactly 3,000 is still 0.5 %
            "3000.01,  0.01,  30.00",   // 30.0001 → 30.00
            "5000.00,  0.01,  50.00",
            "5000.01,  0.015, 75.00",   // 75.00015 → 75.00
            "10000.00, 0.015, 150.00",
            "10000.01, 0.02,  200.00",  // 200.0002 → 200.00
            "4321.50,  0.01,  43.22",   // 43.215 → 43.22: half rounds up
            "1234.50,  0.005, 6.17",    // 6.1725 → 6.17
            "2999.00,  0.005, 15.00",   // 14.995 → 15.00: half rounds up
    })
    void employedBrackets(String base, String rate, String amount) {
        assertThat(DuesCalculator.rate(DuesCategory.EMPLOYED, new BigDecimal(base))).isEqualByComparingTo(rate);
        assertThat(DuesCalculator.monthly(DuesCategory.EMPLOYED, new BigDecimal(base), null)).isEqualTo(new BigDecimal(amount));
    }

    @ParameterizedTest(name = "retired {0} → rate {1}, {2} yuan")
    @CsvSource({
            "3000.00, 0.005, 15.00",
            "4999.99, 0.005, 25.00",  // 24.99995 → 25.00
            "5000.00, 0.005, 25.00",  // exactly 5,000 is still 0.5 %
            "5000.01, 0.01,  50.00",  // 50.0001 → 50.00
            "12000.00, 0.01, 120.00",
    })
    void retiredBrackets(String base, String rate, String amount) {
        assertThat(DuesCalculator.rate(DuesCategory.RETIRED, new BigDecimal(base))).isEqualByComparingTo(rate);
        assertThat(DuesCalculator.monthly(DuesCategory.RETIRED, new BigDecimal(base), null)).isEqualTo(new BigDecimal(amount));
    }

    @Test
    void fixedAmountsIgnoreAnyBase() {
        for (DuesCategory category : new DuesCategory[] {DuesCategory.STUDENT, DuesCategory.UNEMPLOYED,
                DuesCategory.MINIMUM_LIVING_ALLOWANCE}) {
            assertThat(DuesCalculator.monthly(category, new BigDecimal("99999.00"), null)).isEqualTo(new BigDecimal("0.20"));
            assertThat(DuesCalculator.monthly(category, null, null)).isEqualTo(new BigDecimal("0.20"));
        }
        assertThat(DuesCalculator.monthly(DuesCategory.FARMER, null, new BigDecimal("0.5"))).isEqualTo(new BigDecimal("0.50"));
    }

    @Test
    void amountsAlwaysHaveTwoDecimals() {
        assertThat(DuesCalculator.monthly(DuesCategory.EMPLOYED, new BigDecimal("100"), null).scale()).isEqualTo(2);
        assertThat(DuesCalculator.round(new BigDecimal("0.005"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(DuesCalculator.round(new BigDecimal("0.00499"))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void onlySalaryBasedCategoriesHaveARate() {
        assertThat(DuesCategory.EMPLOYED.salaryBased()).isTrue();
        assertThat(DuesCategory.FARMER.salaryBased()).isFalse();
        assertThatThrownBy(() -> DuesCalculator.rate(DuesCategory.STUDENT, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
