package party.organization.meeting;

/** A meeting is planned, then either recorded as held or cancelled; both are final. */
public enum MeetingStatus {
    PLANNED,
    HELD,
    CANCELLED
}
