package party.member.dues;

import java.util.List;

/**
 * Data of {@value #TYPE}; schema {@code contracts/party.member.dues-paid.v1.schema.json}. Ids and
 * amounts only, no personal data.
 *
 * @param payerMemberId who paid: the member, or another member paying on their behalf
 * @param months the months settled, {@code yyyy-MM}
 * @param amount the total in yuan as a decimal string with 2 places (exact, no binary floating point)
 * @param paidOn the calendar date of payment (Asia/Shanghai)
 */
record DuesPaid(String paymentId, String memberId, String payerMemberId, String orgId, List<String> months,
                String amount, String paidOn, long version) {

    static final String TYPE = "party.member.dues-paid.v1";
}
