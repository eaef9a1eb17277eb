package party.member.dues.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import party.member.dues.DuesCategory;

/**
 * @param base after-tax regular monthly income in yuan, 2 decimals at most (EMPLOYED, RETIRED)
 * @param category EMPLOYED, RETIRED, STUDENT, UNEMPLOYED, MINIMUM_LIVING_ALLOWANCE or FARMER
 * @param effectiveFrom first month the base holds, {@code yyyy-MM}
 * @param farmerAmount the monthly amount the branch set for a farmer, 0.20–1.00 yuan
 */
record SetBaseRequest(@DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal base,
                      @NotNull DuesCategory category,
                      @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String effectiveFrom,
                      @DecimalMin("0.00") @Digits(integer = 1, fraction = 2) BigDecimal farmerAmount) {
}
