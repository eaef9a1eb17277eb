package party.platform.orgtree;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.platform.events.IncomingEvent;

/**
 * The org-tree projection: applies organization events version-guarded (an event older than what
 * is stored changes nothing, so redelivery and reordering are harmless) and answers lookups.
 */
public class OrgTree {

    private final MongoTemplate mongo;

    public OrgTree(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<OrgNode> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgNode.class));
    }

    /** Ids of the organization and everything below it. */
    /** An organization and its descendants, as the projection holds them (one query). */
    public List<OrgNode> subtree(String id) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").is(id), Criteria.where("ancestors").is(id))),
                OrgNode.class);
    }

    public List<String> subtreeIds(String id) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("_id").is(id), Criteria.where("ancestors").is(id)));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, OrgNode.COLLECTION).stream()
                .map(doc -> doc.get("_id").toString()).toList();
    }

    /** Applies an organization event carrying the organization's snapshot. */
    public void apply(IncomingEvent event) {
        OrgNode node = event.as(OrgSnapshot.class).toNode();
        if (node.id() == null) {
            throw new party.platform.events.PoisonEventException(event.type() + " " + event.id() + " has no organization id");
        }
        // Compare versions here and write by _id alone: the embedded MongoDB server uses its _id
        // index only for queries on _id alone. One partition (one thread) carries all events of an
        // organization, so nothing else writes this node in between.
        OrgNode stored = mongo.findById(node.id(), OrgNode.class);
        if (stored == null || stored.version() < node.version()) {
            mongo.save(node); // an upsert by _id
        }
    }

    /** The fields of an organization event this projection reads; others are ignored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record OrgSnapshot(String id, String parentId, List<String> ancestors, String type, String name, String status,
                       Long version) {
        OrgNode toNode() {
            if (version == null || type == null) {
                throw new party.platform.events.PoisonEventException("organization event lacks version or type");
            }
            return new OrgNode(id, parentId, ancestors == null ? List.of() : ancestors, type, name, status, version);
        }
    }
}
