package party.member.member.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import party.member.member.Education;
import party.member.member.EthnicGroup;
import party.member.member.Gender;
import party.member.member.MemberProfile;
import party.member.member.MemberStatus;
import party.member.member.NationalIdNumber;
import party.member.member.NewMember;
import party.member.member.Occupation;

/**
 * Body of {@code POST /api/v1/members}. Enumerations arrive as strings so that a wrong value is a
 * field error like any other, not an unreadable body. The profile (ethnicity to groupId) is optional.
 */
@NationalIdMatchesBirthDate
record RegisterMemberRequest(
        @NotBlank @Size(max = 50) String name,
        @NotNull @Pattern(regexp = "MALE|FEMALE") String gender,
        @NotNull @Past LocalDate birthDate,
        @NotBlank @NationalIdNumber String nationalId,
        @Pattern(regexp = "\\+?[0-9][0-9-]{6,19}") String phone,
        @NotBlank @Size(max = 64) String orgId,
        @NotNull @Pattern(regexp = "FULL|PROBATIONARY") String status,
        @PastOrPresent LocalDate joinedAt,
        @EthnicGroup String ethnicity,
        @Size(max = MemberProfile.MAX_NATIVE_PLACE) String nativePlace,
        @Pattern(regexp = Education.NAMES) String education,
        @Size(max = MemberProfile.MAX_WORK_UNIT) String workUnit,
        @Size(max = MemberProfile.MAX_POSITION) String position,
        @Pattern(regexp = Occupation.NAMES) String occupation,
        @Size(max = 64) String groupId) {

    NewMember toNewMember() {
        return new NewMember(name, Gender.valueOf(gender), birthDate, nationalId, phone, orgId.strip(),
                MemberStatus.valueOf(status), joinedAt, ProfileRequest.profile(ethnicity, nativePlace, education,
                workUnit, position, occupation, groupId), null);
    }
}
