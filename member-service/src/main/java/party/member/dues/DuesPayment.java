package party.member.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.ids.TimeOrderedIds;

/** A dues payment of one member for one month or a calendar quarter; raises {@value DuesPaid#TYPE}. */
@Document(DuesPayment.COLLECTION)
public class DuesPayment extends Aggregate {

    public static final String COLLECTION = "dues_payments";

    private String memberId;
    private String payerMemberId;
    private String orgId;
    private List<String> months;
    private BigDecimal amount;
    private String paidOn;
    private boolean branchConsent;
    private String backPaymentReason;
    private String recordedBy;
    private Instant recordedAt;

    DuesPayment() {
    }

    static DuesPayment record(String memberId, String payerMemberId, String orgId, List<YearMonth> months,
                              BigDecimal amount, LocalDate paidOn, boolean branchConsent, String backPaymentReason,
                              String recordedBy, Instant now) {
        DuesPayment payment = new DuesPayment();
        payment.id = TimeOrderedIds.next();
        payment.memberId = memberId;
        payment.payerMemberId = payerMemberId;
        payment.orgId = orgId;
        payment.months = months.stream().map(YearMonth::toString).toList();
        payment.amount = amount;
        payment.paidOn = paidOn.toString();
        payment.branchConsent = branchConsent;
        payment.backPaymentReason = backPaymentReason;
        payment.recordedBy = recordedBy;
        payment.recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        payment.raise(DuesPaid.TYPE, new DuesPaid(payment.id, memberId, payerMemberId == null ? memberId : payerMemberId, orgId, payment.months,
                amount.toPlainString(), payment.paidOn, payment.nextVersion()));
        return payment;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getPayerMemberId() {
        return payerMemberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public List<String> getMonths() {
        return months;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getPaidOn() {
        return LocalDate.parse(paidOn);
    }

    public boolean isBranchConsent() {
        return branchConsent;
    }

    public String getBackPaymentReason() {
        return backPaymentReason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
