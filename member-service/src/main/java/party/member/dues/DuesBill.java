package party.member.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/**
 * What a member owes for one month; {@code id = memberId|yyyy-MM}, so a month is billed once however
 * often bills are generated. The amount is fixed when billed: a later base does not change it.
 *
 * <p>An aggregate so that the bill and its {@value DuesBilled#TYPE} are one document write: a bill is
 * never stored without its event, and no event goes out for a bill that was not stored (a second
 * insert of the same month fails on the id before anything is written). Settling it (paymentId,
 * paidOn) is a conditional update of those two fields that raises nothing: the payment publishes
 * {@code dues-paid}. The accessors keep the record style the bill had before.
 */
@Document(DuesBill.COLLECTION)
public class DuesBill extends Aggregate {

    public static final String COLLECTION = "dues_bills";

    private String memberId;
    /** The member's branch when billed (reports count the bill there). */
    private String orgId;
    private String month;
    private DuesCategory category;
    private BigDecimal amount;
    private Instant billedAt;
    /** The payment that settled it, null while unpaid. */
    private String paymentId;
    private String paidOn;

    DuesBill() {
    }

    static String idOf(String memberId, YearMonth month) {
        return memberId + "|" + month;
    }

    /** A new bill of a month, raising {@value DuesBilled#TYPE}; stored only with {@code AggregateStore.save}. */
    static DuesBill billed(String memberId, String orgId, YearMonth month, DuesCategory category, BigDecimal amount,
                           Instant now) {
        DuesBill bill = new DuesBill();
        bill.id = idOf(memberId, month);
        bill.memberId = memberId;
        bill.orgId = orgId;
        bill.month = month.toString();
        bill.category = category;
        bill.amount = amount;
        bill.billedAt = now;
        bill.raise(DuesBilled.TYPE, new DuesBilled(bill.id, memberId, orgId, bill.month, amount.toPlainString(),
                bill.nextVersion()));
        return bill;
    }

    public String id() {
        return id;
    }

    public String memberId() {
        return memberId;
    }

    public String orgId() {
        return orgId;
    }

    public String month() {
        return month;
    }

    public DuesCategory category() {
        return category;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Instant billedAt() {
        return billedAt;
    }

    public String paymentId() {
        return paymentId;
    }

    public String paidOn() {
        return paidOn;
    }

    public boolean paid() {
        return paymentId != null;
    }
}
