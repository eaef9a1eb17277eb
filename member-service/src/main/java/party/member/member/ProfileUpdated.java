package party.member.member;

import java.util.List;

/**
 * Data of {@value #TYPE}: which fields of a member's profile changed, never their values (personal
 * data stays out of events). The schema is {@code contracts/party.member.profile-updated.v1.schema.json}.
 *
 * @param changed names of the changed fields, in {@link Member#PROFILE_FIELDS} order
 * @param version the member's aggregate version after the change
 */
record ProfileUpdated(String memberId, String orgId, List<String> changed, long version) {

    static final String TYPE = "party.member.profile-updated.v1";
}
