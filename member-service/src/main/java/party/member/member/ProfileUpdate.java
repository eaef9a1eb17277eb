package party.member.member;

/**
 * What {@code PUT /api/v1/members/{id}/profile} replaces: name, phone and the profile. National ID
 * number, birth date, status and branch are not here: each has its own procedure.
 *
 * @param phone the new phone, or null/blank for none
 */
public record ProfileUpdate(String name, String phone, MemberProfile profile) {

    public ProfileUpdate {
        profile = profile == null ? MemberProfile.NONE : profile;
    }
}
