package party.organization.inspection;

/** What an inspection finding is about. */
public enum FindingCategory {
    /** A required meeting was not held. */
    MEETING_MISSING,
    /** Minutes missing or incomplete. */
    MINUTES_INCOMPLETE,
    /** Attendance too low or not recorded. */
    ATTENDANCE,
    /** Materials and records (sign-in sheets, attachments, files) incomplete. */
    RECORDS_INCOMPLETE,
    OTHER
}
