package party.member.member.web;

import java.time.Instant;
import java.time.LocalDate;
import party.member.member.Gender;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;

/**
 * A member as the API shows it. {@code nationalId} and {@code phone} are masked by position
 * ({@code 110105********123X}, {@code 138****5678}) unless {@code piiMasked} is false.
 *
 * @param applicationDate the development pipeline's dates (application, activist, candidate,
 *                        admission, full membership); null until reached or for members registered directly
 * @param version the aggregate version, also the {@code ETag}
 */
record MemberResponse(String id, String name, Gender gender, LocalDate birthDate, String nationalId, String phone,
                      String orgId, MemberStatus status, LocalDate joinedAt, Instant registeredAt, long version,
                      boolean piiMasked, LocalDate applicationDate, LocalDate activistDate, LocalDate candidateDate,
                      LocalDate admissionDate, LocalDate fullMembershipDate) {

    static MemberResponse of(Member member, MemberService.Pii pii, boolean masked) {
        return new MemberResponse(member.getId(), member.getName(), member.getGender(), member.getBirthDate(),
                pii.nationalId(), pii.phone(), member.getOrgId(), member.getStatus(), member.getJoinedAt(),
                member.getRegisteredAt(), member.getVersion() == null ? 0 : member.getVersion(), masked,
                member.getApplicationDate(), member.getActivistDate(), member.getCandidateDate(),
                member.getAdmissionDate(), member.getFullMembershipDate());
    }
}
