package party.platform.events;

import java.time.Instant;

/**
 * An event raised by an aggregate and kept inside the aggregate's own document until the relay
 * has published it. Stored with the aggregate in the same write: no dual writes.
 *
 * @param eventId CloudEvents {@code id}, unique per event; consumers dedupe on it (named
 *                {@code eventId}, not {@code id}, because Spring Data maps a nested {@code id} to {@code _id})
 * @param type logical wire type, e.g. {@code party.member.registered.v1}
 * @param subject aggregate id: the Kafka key and CloudEvents {@code subject}
 * @param time when the change happened
 * @param data the JSON body, serialized when raised so the wire bytes never depend on later code
 * @param traceparent W3C trace context of the request that caused it
 */
public record PendingEvent(String eventId, String type, String subject, Instant time, String data, String traceparent) {
}
