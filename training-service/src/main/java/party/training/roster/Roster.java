package party.training.roster;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The member roster projection: member id to branch and status. */
@Component
public class Roster {

    static final List<String> ACTIVE = List.of("FULL", "PROBATIONARY");

    private final MongoTemplate mongo;

    Roster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<RosterMember> find(String memberId) {
        return memberId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(memberId, RosterMember.class));
    }

    /** Active members of these organizations. */
    public List<RosterMember> activeIn(Collection<String> orgIds) {
        return mongo.find(Query.query(Criteria.where("orgId").in(orgIds).and("status").in(ACTIVE)), RosterMember.class);
    }

    /**
     * A member event's effect: the member's branch (null: left this system) and status at
     * {@code version}; a null status (a transfer that does not name it) keeps the one held.
     */
    record Change(String memberId, String orgId, String status, long version) {
    }

    /**
     * Applies changes in their order, with one read of the members held and one bulk write of those
     * that changed. Version-guarded, as one event at a time would be: a change replaces what is held
     * (stored, or set by an earlier change of the batch) only when newer, so older and replayed
     * events change nothing. Compared in code and written by {@code _id} alone (the embedded server's
     * index); one partition carries all events of a member, so no other consumer thread writes it.
     */
    void applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.memberId()));
        Map<String, RosterMember> held = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), RosterMember.class).forEach(m -> held.put(m.id(), m));
        Map<String, RosterMember> changed = new LinkedHashMap<>();
        for (Change change : changes) {
            RosterMember stored = held.get(change.memberId());
            if (stored == null || stored.version() < change.version()) {
                String status = change.status() != null ? change.status() : stored == null ? null : stored.status();
                RosterMember next = new RosterMember(change.memberId(), change.orgId(), status, change.version());
                held.put(next.id(), next);
                changed.put(next.id(), next);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        for (RosterMember member : changed.values()) {
            Document doc = new Document();
            mongo.getConverter().write(member, doc);
            writes.add(new ReplaceOneModel<>(new Document("_id", member.id()), doc, new ReplaceOptions().upsert(true)));
        }
        mongo.getCollection(RosterMember.COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
}
