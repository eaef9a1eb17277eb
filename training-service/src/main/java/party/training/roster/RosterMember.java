package party.training.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * training-service's own copy of a member from {@code party.member} events: only the branch and
 * the status (no names). {@code version} is the member's aggregate version; older events never
 * overwrite newer state.
 */
@Document(RosterMember.COLLECTION)
public record RosterMember(@Id String id, String orgId, String status, long version) {

    public static final String COLLECTION = "roster_members";

    /** Members who train: full and probationary members still on a roster here. */
    public boolean active() {
        return orgId != null && ("FULL".equals(status) || "PROBATIONARY".equals(status));
    }
}
