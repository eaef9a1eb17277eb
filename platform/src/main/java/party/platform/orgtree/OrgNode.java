package party.platform.orgtree;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service's local copy of one organization, kept from {@code party.organization} events: only
 * what scoping and statistics need.
 *
 * @param ancestors ids from the root down to the parent
 * @param version the organization's aggregate version; older events never overwrite newer state
 */
@Document(OrgNode.COLLECTION)
public record OrgNode(@Id String id, String parentId, List<String> ancestors, String type, String name, String status,
                      long version) {

    public static final String COLLECTION = "org_tree";
    public static final String DISSOLVED = "DISSOLVED";

    public List<String> ancestorsAndSelf() {
        return party.platform.security.OrgScope.ancestorsAndSelf(id, ancestors);
    }

    public boolean active() {
        return !DISSOLVED.equals(status);
    }
}
