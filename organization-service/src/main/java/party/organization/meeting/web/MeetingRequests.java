package party.organization.meeting.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import party.organization.meeting.MeetingType;

/** Request bodies of the meeting API. */
final class MeetingRequests {

    private MeetingRequests() {
    }

    /** Plans a meeting of a branch (a group for GROUP_MEETING). */
    record PlanMeeting(@NotBlank @Size(max = 64) String orgId,
                       @NotNull MeetingType type,
                       @NotNull Instant plannedAt,
                       @Size(max = 200) String place,
                       @Size(max = 200) String topic,
                       @Size(max = 50) String host,
                       @Size(max = 50) String lecturer,
                       @Size(max = 64) String lecturerMemberId) {
    }

    /**
     * Records a planned meeting as held. {@code expectedAttendees} only for COMMITTEE_MEETING (the
     * committee), HEART_TO_HEART_TALK (the participants), and GROUP_MEETING when the group has no
     * members of its own on the roster; otherwise the roster is the expected list.
     */
    record RecordMeeting(@NotNull @PastOrPresent Instant heldAt,
                         @NotBlank @Size(max = 200) String place,
                         @Size(max = 200) String topic,
                         @NotBlank @Size(max = 50) String host,
                         @NotBlank @Size(max = 50) String recorder,
                         @Size(max = 50) String lecturer,
                         @Size(max = 64) String lecturerMemberId,
                         @Size(max = 1000) List<@NotBlank @Size(max = 64) String> expectedAttendees,
                         @NotNull @Size(max = 1000) List<@NotBlank @Size(max = 64) String> presentMemberIds,
                         @Size(max = 1000) List<@Valid @NotNull AbsentMember> absent,
                         @Size(max = 50000) String minutes,
                         @Size(max = 20) List<@NotBlank @Size(max = 500) String> attachments) {
    }

    record AbsentMember(@NotBlank @Size(max = 64) String memberId, @NotBlank @Size(max = 200) String reason) {
    }

    record CancelMeeting(@Size(max = 500) String reason) {
    }
}
