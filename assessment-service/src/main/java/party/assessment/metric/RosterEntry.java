package party.assessment.metric;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of a member's place and standing, kept from party.member events: who belongs
 * to a branch (denominators of the metrics, eligibility for the survey). Ids and statuses only.
 *
 * @param owesFrom first month dues are owed ({@code yyyy-MM}): the admission month, else the registration month
 * @param version the member aggregate's version; older events never overwrite newer state
 */
@Document(RosterEntry.COLLECTION)
public record RosterEntry(@Id String id, String orgId, String status, String owesFrom, long version) {

    public static final String COLLECTION = "roster";

    /** Full and probationary members: those who count, owe dues and answer the branch's survey. */
    public boolean member() {
        return "FULL".equals(status) || "PROBATIONARY".equals(status);
    }
}
