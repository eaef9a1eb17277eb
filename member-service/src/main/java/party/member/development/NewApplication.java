package party.member.development;

import java.time.LocalDate;
import java.util.List;
import party.member.member.Gender;
import party.member.member.MemberProfile;

/**
 * An application to join (step 1): the person's registry data and the application's date and materials.
 *
 * @param profile the optional profile (ethnicity, education, work, Party group) of the registry
 */
public record NewApplication(String name, Gender gender, LocalDate birthDate, String nationalId, String phone,
                             String orgId, LocalDate applicationDate, List<String> materials, String note,
                             MemberProfile profile) {
}
