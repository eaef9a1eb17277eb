package party.member.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a member owes for one month; {@code id = memberId|yyyy-MM}, so a month is billed once however
 * often bills are generated. The amount is fixed when billed: a later base does not change it.
 *
 * @param orgId the member's branch when billed (reports count the bill there)
 * @param paymentId the payment that settled it, null while unpaid
 */
@Document(DuesBill.COLLECTION)
public record DuesBill(@Id String id, String memberId, String orgId, String month, DuesCategory category,
                       BigDecimal amount, Instant billedAt, String paymentId, String paidOn) {

    public static final String COLLECTION = "dues_bills";

    static String idOf(String memberId, YearMonth month) {
        return memberId + "|" + month;
    }

    public boolean paid() {
        return paymentId != null;
    }
}
