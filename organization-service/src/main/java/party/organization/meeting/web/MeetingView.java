package party.organization.meeting.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import party.organization.meeting.Absence;
import party.organization.meeting.Meeting;
import party.organization.meeting.MeetingStatus;
import party.organization.meeting.MeetingType;

/** A meeting as the API shows it; fields not known yet are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MeetingView(String id, String orgId, String branchId, MeetingType type, MeetingStatus status,
                   Instant plannedAt, String place, String topic, String host, String lecturer,
                   String lecturerMemberId, Instant heldAt, String recorder, List<String> expectedAttendees,
                   List<String> presentMemberIds, List<Absence> absent, Integer expectedFullMembers,
                   Integer presentFullMembers, Boolean quorumMet, String minutes, List<String> attachments,
                   Instant cancelledAt, String cancelReason, long version) {

    static MeetingView of(Meeting m) {
        boolean held = m.getStatus() == MeetingStatus.HELD;
        return new MeetingView(m.getId(), m.getOrgId(), m.getBranchId(), m.getType(), m.getStatus(), m.getPlannedAt(),
                m.getPlace(), m.getTopic(), m.getHost(), m.getLecturer(), m.getLecturerMemberId(), m.getHeldAt(),
                m.getRecorder(), held ? m.getExpectedAttendees() : null, held ? m.getPresentMemberIds() : null,
                held ? m.getAbsent() : null, m.getExpectedFullMembers(), m.getPresentFullMembers(), m.getQuorumMet(),
                m.getMinutes(), held ? m.getAttachments() : null, m.getCancelledAt(), m.getCancelReason(),
                m.getVersion() == null ? 0 : m.getVersion());
    }
}
