package party.organization.meeting;

import java.util.List;

/**
 * Payloads of the meeting events on {@code party.organization} (schemas in {@code contracts/}).
 * Times are ISO-8601 UTC strings; they carry ids only, never names or absence reasons.
 */
public final class MeetingEvents {

    public static final String PLANNED = "party.organization.meeting-planned.v1";
    public static final String HELD = "party.organization.meeting-held.v1";
    public static final String CANCELLED = "party.organization.meeting-cancelled.v1";

    private MeetingEvents() {
    }

    /** @param branchId the branch the meeting belongs to (the group's branch for a group meeting) */
    public record Planned(String meetingId, String orgId, String branchId, MeetingType meetingType, String plannedAt,
                          long version) {
    }

    /**
     * @param quorumMet for a branch general meeting whether more than half of the full members were
     *                  present; null for other types
     * @param lecturerMemberId and {@code topic}: for Party lectures only (training-service credits them)
     */
    public record Held(String meetingId, String orgId, String branchId, MeetingType meetingType, String heldAt,
                       List<String> presentMemberIds, List<String> absentMemberIds, int expectedCount,
                       Boolean quorumMet, String lecturerMemberId, String topic, long version) {
    }

    public record Cancelled(String meetingId, String orgId, String branchId, MeetingType meetingType, long version) {
    }
}
