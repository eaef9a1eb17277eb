package party.training.attendance;

import java.time.Instant;
import java.util.List;

/**
 * A session's attendance: every member expected (the active roster of the session organization's
 * subtree) with what is known of them.
 *
 * @param status PRESENT, ABSENT or UNKNOWN (neither checked in nor recorded absent)
 */
public record AttendanceSheet(String sessionId, long expected, long present, long late, long absent, List<Row> members) {

    public record Row(String memberId, String orgId, String status, boolean late, Instant checkedInAt, Instant checkedOutAt,
                      Instant joinedAt, Instant leftAt, String absenceReason) {
    }
}
