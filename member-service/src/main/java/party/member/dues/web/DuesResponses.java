package party.member.dues.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import party.member.dues.DuesBase;
import party.member.dues.DuesBill;
import party.member.dues.DuesCategory;
import party.member.dues.DuesPayment;

/** Response bodies of the dues API. */
final class DuesResponses {

    private DuesResponses() {
    }

    record BaseResponse(String memberId, String effectiveFrom, DuesCategory category, BigDecimal base,
                        BigDecimal farmerAmount, BigDecimal monthlyAmount, Instant setAt) {
        static BaseResponse of(DuesBase base) {
            return new BaseResponse(base.memberId(), base.effectiveFrom(), base.category(), base.base(),
                    base.farmerAmount(), base.monthlyAmount(), base.setAt());
        }
    }

    /** @param status PAID or UNPAID */
    record BillResponse(String memberId, String orgId, String month, DuesCategory category, BigDecimal amount,
                        String status, String paymentId, String paidOn) {
        static BillResponse of(DuesBill bill) {
            return new BillResponse(bill.memberId(), bill.orgId(), bill.month(), bill.category(), bill.amount(),
                    bill.paid() ? "PAID" : "UNPAID", bill.paymentId(), bill.paidOn());
        }
    }

    record PaymentResponse(String id, String memberId, String payerMemberId, String orgId, List<String> months,
                           BigDecimal amount, LocalDate paidOn, boolean branchConsent, String backPaymentReason,
                           String recordedBy, Instant recordedAt) {
        static PaymentResponse of(DuesPayment p) {
            return new PaymentResponse(p.getId(), p.getMemberId(), p.getPayerMemberId() == null ? p.getMemberId()
                    : p.getPayerMemberId(), p.getOrgId(), p.getMonths(), p.getAmount(), p.getPaidOn(),
                    p.isBranchConsent(), p.getBackPaymentReason(), p.getRecordedBy(), p.getRecordedAt());
        }
    }
}
