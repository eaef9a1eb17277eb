package party.training.session;

/** SCHEDULED until it is held (attendees credited) or cancelled. */
public enum SessionStatus {
    SCHEDULED, HELD, CANCELLED
}
