package party.member.dues.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import party.member.dues.NewPayment;

/** See {@link NewPayment}. */
record PaymentRequest(@NotBlank String memberId,
                      String payerMemberId,
                      @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String> months,
                      LocalDate paidOn,
                      @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal amount,
                      Boolean branchConsent,
                      @Size(max = 500) String backPaymentReason) {

    NewPayment toNewPayment() {
        return new NewPayment(memberId, payerMemberId, months, paidOn, amount, Boolean.TRUE.equals(branchConsent), backPaymentReason);
    }
}
