package party.member.dues;

/**
 * Data of {@value #TYPE}; schema {@code contracts/party.member.dues-billed.v1.schema.json}. Ids and
 * amounts only, no personal data. With {@code dues-paid} it lets consumers count true arrears:
 * billed months not paid.
 *
 * @param billId {@code memberId|yyyy-MM}, the Kafka key
 * @param orgId the member's branch when billed
 * @param month the month billed, {@code yyyy-MM} (Asia/Shanghai)
 * @param amount what the month costs in yuan, a decimal string with 2 places
 */
record DuesBilled(String billId, String memberId, String orgId, String month, String amount, long version) {

    static final String TYPE = "party.member.dues-billed.v1";
}
