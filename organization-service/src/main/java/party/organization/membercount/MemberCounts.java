package party.organization.membercount;

/**
 * Members of an organization, directly and in its whole subtree. Only full and probationary
 * members count as members; applicants, activists and candidates do not.
 */
public record MemberCounts(Count direct, Count subtree) {

    public record Count(long full, long probationary, long total) {
        static Count of(long full, long probationary) {
            return new Count(full, probationary, full + probationary);
        }
    }
}
