package party.member.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a roster sheet records about a member beyond the registry's {@code Member}: ethnicity,
 * education and the full-membership date as written in the sheet. Keyed by the member's id; read
 * by the export and the statistics. No personal identifiers here.
 *
 * @param fullMembershipDate ISO date (转正日期), or null
 */
@Document(RosterProfile.COLLECTION)
public record RosterProfile(@Id String memberId, String ethnicity, String education, String fullMembershipDate,
                            String importId) {

    public static final String COLLECTION = "member_roster_profiles";
}
