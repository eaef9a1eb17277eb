package party.member.transfer;

/**
 * The reach of a relation transfer (组织关系转接). The first two end in a branch this system knows
 * from the org-tree projection; the last two leave it, with the destination recorded as text.
 */
public enum TransferScope {
    /** Within the same Party committee's system (系统内, same nearest COMMITTEE ancestor). */
    WITHIN_COMMITTEE,
    /** Within the province or system: a known branch under another committee. */
    WITHIN_SYSTEM,
    /** Nationwide (全国范围), outside this system. */
    NATIONWIDE,
    /** Out of the system altogether. */
    OUT_OF_SYSTEM;

    /** Whether the destination is a branch of the org-tree projection. */
    public boolean internal() {
        return this == WITHIN_COMMITTEE || this == WITHIN_SYSTEM;
    }
}
