package party.member.member.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import party.member.member.Education;
import party.member.member.EthnicGroup;
import party.member.member.MemberProfile;
import party.member.member.Occupation;
import party.member.member.ProfileUpdate;

/**
 * Body of {@code PUT /api/v1/members/{id}/profile}: the whole of what it replaces; an optional
 * field left out is cleared. Enumerations arrive as strings so that a wrong value is a field error.
 */
record ProfileRequest(
        @NotBlank @Size(max = 50) String name,
        @Pattern(regexp = "\\+?[0-9][0-9-]{6,19}") String phone,
        @EthnicGroup String ethnicity,
        @Size(max = MemberProfile.MAX_NATIVE_PLACE) String nativePlace,
        @Pattern(regexp = Education.NAMES) String education,
        @Size(max = MemberProfile.MAX_WORK_UNIT) String workUnit,
        @Size(max = MemberProfile.MAX_POSITION) String position,
        @Pattern(regexp = Occupation.NAMES) String occupation,
        @Size(max = 64) String groupId) {

    ProfileUpdate toUpdate() {
        return new ProfileUpdate(name, phone, profile(ethnicity, nativePlace, education, workUnit, position, occupation,
                groupId));
    }

    /** A profile from validated request strings; a blank enumeration is "not recorded". */
    static MemberProfile profile(String ethnicity, String nativePlace, String education, String workUnit, String position,
                                 String occupation, String groupId) {
        return new MemberProfile(ethnicity, nativePlace,
                education == null || education.isBlank() ? null : Education.valueOf(education), workUnit, position,
                occupation == null || occupation.isBlank() ? null : Occupation.valueOf(occupation), groupId);
    }
}
