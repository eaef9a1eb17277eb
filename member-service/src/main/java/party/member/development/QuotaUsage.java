package party.member.development;

/**
 * A quota and its usage: admissions (step 17, approval by the superior committee) dated in the year
 * anywhere in the organization's subtree.
 *
 * @param quota the planned number, null when none is set
 * @param remaining quota minus used (negative when exceeded), null without a quota
 * @param version the quota's version (its ETag), null without a quota
 */
public record QuotaUsage(String orgId, int year, Integer quota, long used, Long remaining, Long version) {
}
