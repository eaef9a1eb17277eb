package party.member.status;

/**
 * Data of {@value #TYPE}: no reason text (it may be sensitive), no names. The schema is
 * {@code contracts/party.member.status-decided.v1.schema.json}.
 *
 * @param date the decision's date, ISO yyyy-MM-dd
 * @param version the decision's aggregate version
 */
record StatusDecided(String decisionId, String memberId, String orgId, String kind, String date, long version) {

    static final String TYPE = "party.member.status-decided.v1";
}
