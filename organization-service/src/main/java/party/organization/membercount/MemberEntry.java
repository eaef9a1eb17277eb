package party.organization.membercount;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of one member, kept from {@code party.member} events: only the fields the
 * counts read. {@code version} is the member aggregate's version, so an older event never
 * overwrites a newer state and a duplicate changes nothing.
 */
@Document(MemberEntry.COLLECTION)
record MemberEntry(@Id String id, @Indexed String orgId, String status, long version) {

    static final String COLLECTION = "member_entries";
}
