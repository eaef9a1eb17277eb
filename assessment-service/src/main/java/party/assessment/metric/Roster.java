package party.assessment.metric;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The roster projection: members per branch, from party.member (registered, status-changed, transferred). */
@Component
public class Roster implements InitializingBean {

    private static final List<String> MEMBER_STATUSES = List.of("FULL", "PROBATIONARY");

    private final MongoTemplate mongo;

    Roster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(RosterEntry.class).createIndex(new Index("orgId", Sort.Direction.ASC).named("byOrg"));
    }

    public RosterEntry find(String memberId) {
        return memberId == null ? null : mongo.findById(memberId, RosterEntry.class);
    }

    /** Current full and probationary members of a branch (a branch has tens of members, not thousands). */
    public List<RosterEntry> membersOf(String branchId) {
        return mongo.find(Query.query(Criteria.where("orgId").is(branchId).and("status").in(MEMBER_STATUSES)), RosterEntry.class);
    }

    /** A change of one member at {@code version}, from the entry held (or a blank one). */
    record Change(String memberId, long version, java.util.function.UnaryOperator<RosterEntry> change) {
    }

    /**
     * Applies changes in their order with one read of the entries held and one bulk write of those
     * that changed. Version-guarded one event at a time in memory (a change applies only when newer
     * than what is held, stored or set by an earlier change of the batch), so older or replayed
     * events change nothing. Written by {@code _id} alone; one partition
     * carries all events of a member, so no other consumer thread writes the same entry.
     */
    void applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.memberId()));
        java.util.Map<String, RosterEntry> held = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), RosterEntry.class).forEach(e -> held.put(e.id(), e));
        java.util.Map<String, RosterEntry> changed = new java.util.LinkedHashMap<>();
        for (Change c : changes) {
            RosterEntry stored = held.get(c.memberId());
            if (stored != null && stored.version() >= c.version()) {
                continue;
            }
            RosterEntry base = stored == null ? new RosterEntry(c.memberId(), null, null, null, -1) : stored;
            RosterEntry next = c.change().apply(base);
            RosterEntry entry = new RosterEntry(c.memberId(), next.orgId(), next.status(), next.owesFrom(), c.version());
            held.put(entry.id(), entry);
            changed.put(entry.id(), entry);
        }
        if (changed.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<org.bson.Document>> writes = new java.util.ArrayList<>(changed.size());
        for (RosterEntry entry : changed.values()) {
            org.bson.Document doc = new org.bson.Document();
            mongo.getConverter().write(entry, doc);
            writes.add(new com.mongodb.client.model.ReplaceOneModel<>(new org.bson.Document("_id", entry.id()), doc,
                    new com.mongodb.client.model.ReplaceOptions().upsert(true)));
        }
        mongo.getCollection(RosterEntry.COLLECTION).bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

}
