package party.training.attendance;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/** One member's attendance of one session (id {@code sessionId|memberId}). */
@Document(SessionAttendance.COLLECTION)
public class SessionAttendance extends Aggregate {

    public static final String COLLECTION = "session_attendance";

    /** PRESENT: checked in or joined the live room; ABSENT: recorded absent with a reason. */
    public enum Status { PRESENT, ABSENT }

    private String sessionId;
    private String memberId;
    private String orgId;
    private Status status;
    private boolean late;
    private Instant checkedInAt;
    private Instant checkedOutAt;
    private Instant joinedAt;
    private Instant leftAt;
    private String absenceReason;
    private String recordedBy;

    SessionAttendance() {
    }

    static String idOf(String sessionId, String memberId) {
        return sessionId + "|" + memberId;
    }

    static SessionAttendance of(String sessionId, String memberId, String orgId) {
        SessionAttendance a = new SessionAttendance();
        a.id = idOf(sessionId, memberId);
        a.sessionId = sessionId;
        a.memberId = memberId;
        a.orgId = orgId;
        return a;
    }

    void checkIn(Instant at, boolean isLate) {
        status = Status.PRESENT;
        checkedInAt = at;
        late = isLate;
        absenceReason = null;
        raised("CHECK_IN");
    }

    void checkOut(Instant at) {
        checkedOutAt = at;
        raised("CHECK_OUT");
    }

    void join(Instant at, boolean isLate) {
        if (status != Status.PRESENT) {
            late = isLate;
        }
        status = Status.PRESENT;
        absenceReason = null;
        if (joinedAt == null) {
            joinedAt = at;
        }
        leftAt = null;
        raised("CONFERENCE_JOIN");
    }

    void leave(Instant at) {
        leftAt = at;
        raised("CONFERENCE_LEAVE");
    }

    void absent(String reason, String by) {
        status = Status.ABSENT;
        absenceReason = reason;
        recordedBy = by;
        raised("ABSENCE");
    }

    private void raised(String action) {
        raise(AttendanceRecorded.TYPE, new AttendanceRecorded(id, sessionId, memberId, orgId, status.name(), late, action,
                nextVersion()));
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getOrgId() {
        return orgId;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isLate() {
        return late;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public Instant getCheckedOutAt() {
        return checkedOutAt;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public String getAbsenceReason() {
        return absenceReason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
