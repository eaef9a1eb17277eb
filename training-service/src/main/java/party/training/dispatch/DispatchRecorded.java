package party.training.dispatch;

/** Data of {@value #TYPE}; the note is not carried. */
record DispatchRecorded(String dispatchId, String memberId, String orgId, String school, String startDate, String endDate,
                        String creditHours, long version) {

    static final String TYPE = "party.training.dispatch-recorded.v1";
}
