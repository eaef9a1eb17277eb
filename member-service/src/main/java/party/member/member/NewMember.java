package party.member.member;

import java.time.LocalDate;

/**
 * What a registration asks for, already validated for shape (Bean Validation) by the web layer.
 *
 * @param profile ethnicity, education, work and group; {@link MemberProfile#NONE} when none is given
 * @param fullMembershipDate 转正日期 as a roster sheet records it for a FULL member; null from the API,
 *                           where full membership comes from the development pipeline
 */
public record NewMember(String name, Gender gender, LocalDate birthDate, String nationalId, String phone, String orgId,
                        MemberStatus status, LocalDate joinedAt, MemberProfile profile, LocalDate fullMembershipDate) {

    public NewMember {
        profile = profile == null ? MemberProfile.NONE : profile;
    }

    /** A registration without profile and full-membership date. */
    public NewMember(String name, Gender gender, LocalDate birthDate, String nationalId, String phone, String orgId,
                     MemberStatus status, LocalDate joinedAt) {
        this(name, gender, birthDate, nationalId, phone, orgId, status, joinedAt, MemberProfile.NONE, null);
    }
}
