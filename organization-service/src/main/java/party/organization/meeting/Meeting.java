package party.organization.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/**
 * One meeting of organizational life: planned by a branch (or a group), then recorded as held
 * with its attendance, or cancelled.
 */
@Document("meetings")
@CompoundIndexes({
        @CompoundIndex(name = "org_time", def = "{'orgId': 1, 'effectiveAt': -1}"),
        @CompoundIndex(name = "org_held", def = "{'orgId': 1, 'status': 1, 'heldAt': 1}")})
public class Meeting extends Aggregate {

    private String orgId;
    /** The branch the meeting belongs to: the organization itself, or a group's parent branch. */
    private String branchId;
    private MeetingType type;
    private MeetingStatus status;

    private Instant plannedAt;
    private String place;
    private String topic;
    private String host;
    private String lecturer;
    private String lecturerMemberId;
    private String plannedBy;

    private Instant heldAt;
    private String recorder;
    private List<String> expectedAttendees = new ArrayList<>();
    private List<String> presentMemberIds = new ArrayList<>();
    private List<Absence> absent = new ArrayList<>();
    private Integer expectedFullMembers;
    private Integer presentFullMembers;
    /** Branch general meetings only: more than half of the full members present. */
    private Boolean quorumMet;
    private String minutes;
    private List<String> attachments = new ArrayList<>();
    private String recordedBy;

    private Instant cancelledAt;
    private String cancelReason;
    private String cancelledBy;

    /** When it happens: the held time once recorded, the planned time before; lists filter and sort on it. */
    private Instant effectiveAt;

    protected Meeting() {
    }

    /** What planning takes; place, topic, host and lecturer may still be open. */
    public record Plan(MeetingType type, Instant plannedAt, String place, String topic, String host, String lecturer,
                       String lecturerMemberId) {
    }

    /** What recording takes, already checked against the roster. */
    public record Recording(Instant heldAt, String place, String topic, String host, String recorder, String lecturer,
                         String lecturerMemberId, Attendance attendance, Boolean quorumMet, String minutes,
                         List<String> attachments) {
    }

    static Meeting plan(String orgId, String branchId, Plan plan, String by) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID().toString();
        meeting.orgId = orgId;
        meeting.branchId = branchId;
        meeting.type = plan.type();
        meeting.status = MeetingStatus.PLANNED;
        meeting.plannedAt = plan.plannedAt();
        meeting.effectiveAt = plan.plannedAt();
        meeting.place = plan.place();
        meeting.topic = plan.topic();
        meeting.host = plan.host();
        meeting.lecturer = plan.lecturer();
        meeting.lecturerMemberId = plan.lecturerMemberId();
        meeting.plannedBy = by;
        meeting.raise(MeetingEvents.PLANNED, new MeetingEvents.Planned(meeting.id, orgId, branchId, meeting.type,
                meeting.plannedAt.toString(), meeting.nextVersion()));
        return meeting;
    }

    void record(Recording record, String by) {
        status = MeetingStatus.HELD;
        heldAt = record.heldAt();
        effectiveAt = heldAt;
        place = record.place();
        if (record.topic() != null) {
            topic = record.topic();
        }
        host = record.host();
        recorder = record.recorder();
        if (record.lecturer() != null) {
            lecturer = record.lecturer();
        }
        if (record.lecturerMemberId() != null) {
            lecturerMemberId = record.lecturerMemberId();
        }
        Attendance attendance = record.attendance();
        expectedAttendees = new ArrayList<>(attendance.expected());
        presentMemberIds = new ArrayList<>(attendance.present());
        absent = new ArrayList<>(attendance.absent());
        expectedFullMembers = attendance.fullMembers().size();
        presentFullMembers = (int) attendance.fullMembersPresent();
        quorumMet = record.quorumMet();
        minutes = record.minutes();
        attachments = new ArrayList<>(record.attachments());
        recordedBy = by;
        boolean lecture = type == MeetingType.PARTY_LECTURE;
        raise(MeetingEvents.HELD, new MeetingEvents.Held(id, orgId, branchId, type, heldAt.toString(),
                List.copyOf(presentMemberIds), attendance.absentIds(), expectedAttendees.size(), quorumMet,
                lecture ? lecturerMemberId : null, lecture ? topic : null, nextVersion()));
    }

    void cancel(String reason, String by) {
        status = MeetingStatus.CANCELLED;
        cancelledAt = Instant.now();
        cancelReason = reason;
        cancelledBy = by;
        raise(MeetingEvents.CANCELLED, new MeetingEvents.Cancelled(id, orgId, branchId, type, nextVersion()));
    }

    public String getOrgId() {
        return orgId;
    }

    public String getBranchId() {
        return branchId;
    }

    public MeetingType getType() {
        return type;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public String getPlace() {
        return place;
    }

    public String getTopic() {
        return topic;
    }

    public String getHost() {
        return host;
    }

    public String getLecturer() {
        return lecturer;
    }

    public String getLecturerMemberId() {
        return lecturerMemberId;
    }

    public Instant getHeldAt() {
        return heldAt;
    }

    public String getRecorder() {
        return recorder;
    }

    public List<String> getExpectedAttendees() {
        return expectedAttendees;
    }

    public List<String> getPresentMemberIds() {
        return presentMemberIds;
    }

    public List<Absence> getAbsent() {
        return absent;
    }

    public Integer getExpectedFullMembers() {
        return expectedFullMembers;
    }

    public Integer getPresentFullMembers() {
        return presentFullMembers;
    }

    public Boolean getQuorumMet() {
        return quorumMet;
    }

    public String getMinutes() {
        return minutes;
    }

    public List<String> getAttachments() {
        return attachments;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
