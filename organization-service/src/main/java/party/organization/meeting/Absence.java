package party.organization.meeting;

/** An expected attendee who was not there, and why. */
public record Absence(String memberId, String reason) {
}
