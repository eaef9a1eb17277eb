package party.member.development;

/**
 * Data of {@value #TYPE}: no personal data. Schema:
 * {@code contracts/party.member.development-step-recorded.v1.schema.json}.
 *
 * @param date the step's date, ISO yyyy-MM-dd
 * @param version the development record's version after the step
 */
record DevelopmentStepRecorded(String recordId, String memberId, String orgId, int step, String date, long version) {

    static final String TYPE = "party.member.development-step-recorded.v1";
}
