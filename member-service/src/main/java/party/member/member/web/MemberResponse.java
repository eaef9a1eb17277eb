package party.member.member.web;

import java.time.Instant;
import java.time.LocalDate;
import party.member.member.Education;
import party.member.member.Gender;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;
import party.member.member.Occupation;

/**
 * A member as the API shows it. {@code nationalId} and {@code phone} are masked by position
 * ({@code 110105********123X}, {@code 138****5678}) unless {@code piiMasked} is false.
 *
 * @param applicationDate the development pipeline's dates (application, activist, candidate,
 *                        admission, full membership); null until reached or for members registered directly
 * @param version the aggregate version, also the {@code ETag}
 * @param ethnicity the profile (民族, 籍贯, 学历, 工作单位, 职务, 职业, 党小组); each null until recorded
 */
record MemberResponse(String id, String name, Gender gender, LocalDate birthDate, String nationalId, String phone,
                      String orgId, MemberStatus status, LocalDate joinedAt, Instant registeredAt, long version,
                      boolean piiMasked, LocalDate applicationDate, LocalDate activistDate, LocalDate candidateDate,
                      LocalDate admissionDate, LocalDate fullMembershipDate, String ethnicity, String nativePlace,
                      Education education, String workUnit, String position, Occupation occupation, String groupId) {

    static MemberResponse of(Member member, MemberService.Pii pii, boolean masked) {
        return new MemberResponse(member.getId(), member.getName(), member.getGender(), member.getBirthDate(),
                pii.nationalId(), pii.phone(), member.getOrgId(), member.getStatus(), member.getJoinedAt(),
                member.getRegisteredAt(), member.getVersion() == null ? 0 : member.getVersion(), masked,
                member.getApplicationDate(), member.getActivistDate(), member.getCandidateDate(),
                member.getAdmissionDate(), member.getFullMembershipDate(), member.getEthnicity(),
                member.getNativePlace(), member.getEducation(), member.getWorkUnit(), member.getPosition(),
                member.getOccupation(), member.getGroupId());
    }
}
