package party.organization.leadership;

/**
 * Roles of a Party organization's leadership. A branch with fewer than 7 full members has no
 * committee: only a secretary and perhaps a deputy; the commissioners and plain committee members
 * exist only in a committee.
 */
public enum LeadershipRole {
    SECRETARY,
    DEPUTY_SECRETARY,
    ORGANIZATION_COMMISSIONER,
    PUBLICITY_COMMISSIONER,
    DISCIPLINE_COMMISSIONER,
    COMMITTEE_MEMBER;

    /** Whether holding this role makes the leadership a committee (anything beyond secretary and deputy). */
    public boolean committeeRole() {
        return this != SECRETARY && this != DEPUTY_SECRETARY;
    }

    /** The role's localized name for messages (code {@code leadership.role.<ROLE>}). */
    public org.springframework.context.MessageSourceResolvable label() {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"leadership.role." + name()}, name());
    }

    /** Whether at most one person holds this role in a term (every role but plain committee member). */
    public boolean single() {
        return this != COMMITTEE_MEMBER;
    }
}
