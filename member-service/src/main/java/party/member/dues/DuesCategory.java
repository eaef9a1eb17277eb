package party.member.dues;

/** What a member's dues are reckoned from (DOMAIN.md "Dues"). */
public enum DuesCategory {
    /** In work: a percentage of the after-tax regular monthly salary, by bracket. */
    EMPLOYED,
    /** Retired: a percentage of the after-tax pension, by bracket. */
    RETIRED,
    STUDENT,
    UNEMPLOYED,
    /** 低保 recipients. */
    MINIMUM_LIVING_ALLOWANCE,
    /** Farmers pay a fixed amount that the branch sets (0.20 to 1.00 yuan). */
    FARMER;

    /** Whether the amount is a percentage of a salary base (which must then be given). */
    public boolean salaryBased() {
        return this == EMPLOYED || this == RETIRED;
    }
}
