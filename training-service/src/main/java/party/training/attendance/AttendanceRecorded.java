package party.training.attendance;

/**
 * Data of {@value #TYPE}: a member's attendance of a session changed. Member ids only; the
 * absence reason stays in the service (it may be personal).
 *
 * @param status PRESENT or ABSENT
 * @param action CHECK_IN, CHECK_OUT, CONFERENCE_JOIN, CONFERENCE_LEAVE, ABSENCE
 */
record AttendanceRecorded(String attendanceId, String sessionId, String memberId, String orgId, String status, boolean late,
                          String action, long version) {

    static final String TYPE = "party.training.attendance-recorded.v1";
}
