package party.member.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment as asked for.
 *
 * @param payerMemberId who paid, when another member paid on the member's behalf; null = the member
 * @param months {@code yyyy-MM}: one month, or the three months of a calendar quarter
 * @param paidOn date of payment, null = today (Asia/Shanghai)
 * @param amount what was handed over, null = the amount due (if given it must equal it)
 * @param branchConsent the branch agreed to quarterly payment (needed for a quarter)
 * @param backPaymentReason why a month older than the back-payment limit is paid now
 */
public record NewPayment(String memberId, String payerMemberId, List<String> months, LocalDate paidOn,
                         BigDecimal amount, boolean branchConsent, String backPaymentReason) {
}
