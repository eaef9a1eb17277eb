package party.member.development.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import party.member.development.NewApplication;
import party.member.member.Education;
import party.member.member.EthnicGroup;
import party.member.member.Gender;
import party.member.member.MemberProfile;
import party.member.member.NationalIdNumber;
import party.member.member.Occupation;

/**
 * Body of {@code POST /api/v1/development}: the applicant's registry data (with the optional profile
 * of {@code POST /api/v1/members}) and the application (step 1).
 */
record ApplicationRequest(
        @NotBlank @Size(max = 50) String name,
        @NotNull @Pattern(regexp = "MALE|FEMALE") String gender,
        @NotNull @Past LocalDate birthDate,
        @NotBlank @NationalIdNumber String nationalId,
        @Pattern(regexp = "\\+?[0-9][0-9-]{6,19}") String phone,
        @NotBlank @Size(max = 64) String orgId,
        @NotNull LocalDate applicationDate,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> materials,
        @Size(max = 500) String note,
        @EthnicGroup String ethnicity,
        @Size(max = MemberProfile.MAX_NATIVE_PLACE) String nativePlace,
        @Pattern(regexp = Education.NAMES) String education,
        @Size(max = MemberProfile.MAX_WORK_UNIT) String workUnit,
        @Size(max = MemberProfile.MAX_POSITION) String position,
        @Pattern(regexp = Occupation.NAMES) String occupation,
        @Size(max = 64) String groupId) {

    NewApplication toApplication() {
        return new NewApplication(name.strip(), Gender.valueOf(gender), birthDate, nationalId, phone, orgId.strip(),
                applicationDate, materials, note, new MemberProfile(ethnicity, nativePlace,
                blank(education) ? null : Education.valueOf(education), workUnit, position,
                blank(occupation) ? null : Occupation.valueOf(occupation), groupId));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
