package party.training.session;

/**
 * Data of the session events, a snapshot without personal data: {@value #SCHEDULED},
 * {@value #UPDATED} (edited or cancelled), {@value #HELD} (attendees credited). Schemas in
 * {@code contracts/}.
 *
 * @param creditHours hours credited to each attendee, exact decimal string
 */
record SessionChanged(String sessionId, String planId, String orgId, int year, String title, String mode, String status,
                      String startsAt, String endsAt, String creditHours, String videoId, String roomId, long version) {

    static final String SCHEDULED = "party.training.session-scheduled.v1";
    static final String UPDATED = "party.training.session-updated.v1";
    static final String HELD = "party.training.session-held.v1";
}
