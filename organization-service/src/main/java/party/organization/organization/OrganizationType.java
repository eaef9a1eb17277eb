package party.organization.organization;

/**
 * Levels of the Party organization tree and where each may stand: a group only under a branch; a
 * branch under a committee or a general branch; a general branch under a committee; a committee at
 * the root or under another committee (a grass-roots committee under an enterprise committee).
 */
public enum OrganizationType {
    COMMITTEE,
    GENERAL_BRANCH,
    BRANCH,
    GROUP;

    /** Whether an organization of this type may be placed under {@code parent} (null: at the root). */
    public boolean mayStandUnder(OrganizationType parent) {
        return switch (this) {
            case COMMITTEE -> parent == null || parent == COMMITTEE;
            case GENERAL_BRANCH -> parent == COMMITTEE;
            case BRANCH -> parent == COMMITTEE || parent == GENERAL_BRANCH;
            case GROUP -> parent == BRANCH;
        };
    }
}
