package party.member.member;

/**
 * What the registry records about a member beyond identity and membership: every part optional
 * (members registered before these existed have none), validated when given. Text is stripped and
 * blank text is "not recorded" (null).
 *
 * @param ethnicity 民族, one of {@link Ethnicity#NAMES}
 * @param nativePlace 籍贯, at most 50 characters
 * @param workUnit 工作单位, at most 100 characters
 * @param position 职务, at most 50 characters
 * @param groupId 党小组: an active GROUP whose parent is the member's branch
 */
public record MemberProfile(String ethnicity, String nativePlace, Education education, String workUnit,
                            String position, Occupation occupation, String groupId) {

    public static final MemberProfile NONE = new MemberProfile(null, null, null, null, null, null, null);
    public static final int MAX_NATIVE_PLACE = 50;
    public static final int MAX_WORK_UNIT = 100;
    public static final int MAX_POSITION = 50;

    public MemberProfile {
        ethnicity = text(ethnicity);
        nativePlace = text(nativePlace);
        workUnit = text(workUnit);
        position = text(position);
        groupId = text(groupId);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
