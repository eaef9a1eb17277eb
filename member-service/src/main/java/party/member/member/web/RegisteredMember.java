package party.member.member.web;

import party.member.member.Member;
import party.member.member.MemberStatus;

/** One member a batch registration created, in the order of the request; no personal data. */
record RegisteredMember(String id, String orgId, MemberStatus status, long version) {

    static RegisteredMember of(Member member) {
        return new RegisteredMember(member.getId(), member.getOrgId(), member.getStatus(),
                member.getVersion() == null ? 0 : member.getVersion());
    }
}
