package party.member.member;

import java.time.Instant;

/**
 * Data of {@value #TYPE}: no personal data, only what other services need to count and scope
 * members. The schema is {@code contracts/party.member.registered.v1.schema.json}.
 *
 * @param version the member's aggregate version after the registration
 */
record MemberRegistered(String memberId, String orgId, String status, Instant registeredAt, long version) {

    static final String TYPE = "party.member.registered.v1";
}
