package party.training.ledger;

/**
 * Data of {@value #TYPE}, the contract agreed with assessment-service: schema in
 * {@code contracts/party.training.credit-recorded.v1.schema.json}. Hours are exact decimal strings.
 */
record CreditRecorded(String entryId, String memberId, String orgId, int year, String hours, String source,
                      String totalHours, String targetHours, long version) {

    static final String TYPE = "party.training.credit-recorded.v1";
}
