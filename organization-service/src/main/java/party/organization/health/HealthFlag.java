package party.organization.health;

/** What can be wrong with the structure of an organization, by the branch work regulations. */
public enum HealthFlag {
    /** A branch needs at least 3 full members. */
    FEW_FULL_MEMBERS,
    /** A branch normally has at most 50 members. */
    TOO_MANY_MEMBERS,
    /** A branch with 7 or more full members elects a committee. */
    NEEDS_COMMITTEE,
    /** A branch without a secretary. */
    NO_SECRETARY,
    /** The current committee term has ended without a renewal (换届). */
    TERM_EXPIRED
}
