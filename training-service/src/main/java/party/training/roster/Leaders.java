package party.training.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who holds a leadership role (secretary, deputy, commissioner, committee member) of some
 * organization, from {@code party.organization.leadership-changed.v1}: their yearly target is the
 * leaders' one (56 h by default). Kept twice so every lookup is by _id: per organization its
 * holders and version ({@code leaderships}), per member the organizations they lead
 * ({@code leader_members}).
 */
@Component
public class Leaders {

    static final String BY_ORG = "leaderships";
    static final String BY_MEMBER = "leader_members";

    private final MongoTemplate mongo;

    Leaders(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean isLeader(String memberId) {
        Document doc = mongo.findById(memberId, Document.class, BY_MEMBER);
        return doc != null && !doc.getList("orgIds", String.class, List.of()).isEmpty();
    }

    /** Of these members, the leaders. */
    public Set<String> leadersAmong(Collection<String> memberIds) {
        Set<String> leaders = new HashSet<>();
        for (Document doc : mongo.find(Query.query(Criteria.where("_id").in(memberIds)), Document.class, BY_MEMBER)) {
            if (!doc.getList("orgIds", String.class, List.of()).isEmpty()) {
                leaders.add(doc.getString("_id"));
            }
        }
        return leaders;
    }

    /** Replaces an organization's holders with the event's whole new set, unless the event is older than what is held. */
    void apply(String orgId, Collection<String> holders, long version) {
        Document stored = mongo.findById(orgId, Document.class, BY_ORG);
        if (stored != null && stored.get("version", Number.class).longValue() >= version) {
            return;
        }
        Set<String> before = stored == null ? Set.of() : new HashSet<>(stored.getList("memberIds", String.class, List.of()));
        Set<String> after = new HashSet<>(holders);
        for (String memberId : before) {
            if (!after.contains(memberId)) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)), new Update().pull("orgIds", orgId), BY_MEMBER);
            }
        }
        for (String memberId : after) {
            mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), new Update().addToSet("orgIds", orgId), BY_MEMBER);
        }
        mongo.save(new Document("_id", orgId).append("memberIds", new ArrayList<>(after)).append("version", version), BY_ORG);
    }
}
