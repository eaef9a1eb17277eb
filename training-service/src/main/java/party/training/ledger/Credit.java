package party.training.ledger;

/**
 * A credit to enter in the ledger.
 *
 * @param key what makes this credit unique (e.g. {@code SESSION|sessionId|memberId}); the entry id derives from it
 * @param fallbackOrgId the member's branch when the roster does not know the member (yet)
 * @param sourceRef the id of what earned it: session, video, meeting, dispatch, exam attempt
 * @param reason required for ADJUSTMENT
 */
public record Credit(String key, String memberId, String fallbackOrgId, int year, long centiHours, CreditSource source,
                     String sourceRef, String reason, String recordedBy) {
}
