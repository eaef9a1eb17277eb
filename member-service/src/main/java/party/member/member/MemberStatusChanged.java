package party.member.member;

import java.time.Instant;

/**
 * Data of {@value #TYPE}: no personal data. The schema is
 * {@code contracts/party.member.status-changed.v1.schema.json}.
 *
 * @param from the status before, null when the person entered the registry with this change (an applicant)
 * @param effectiveDate the calendar date (Asia/Shanghai) the status holds from, ISO yyyy-MM-dd
 * @param at when the change was recorded
 * @param version the member's aggregate version after the change
 */
record MemberStatusChanged(String memberId, String orgId, String from, String to, String effectiveDate, Instant at,
                           long version) {

    static final String TYPE = "party.member.status-changed.v1";
}
