package party.member.care;

/** Why a member is visited: old member, in difficulty, ill, a festival, or another reason. */
public enum CareReason {
    OLD_MEMBER, DIFFICULTY, ILLNESS, FESTIVAL, OTHER
}
