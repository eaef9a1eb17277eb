package party.member.care;

/**
 * Data of {@value #TYPE}; no names, no note. The schema is
 * {@code contracts/party.member.care-visit-recorded.v1.schema.json}.
 *
 * @param orgId the visited member's branch when the visit was recorded
 * @param date ISO date of the visit
 * @param amount the care fund in yuan as a decimal string with two decimals ("500.00"), exact
 * @param version the visit's aggregate version after the change
 */
record CareVisitRecorded(String visitId, String memberId, String orgId, String date, String reason, String amount,
                         long version) {

    static final String TYPE = "party.member.care-visit-recorded.v1";
}
