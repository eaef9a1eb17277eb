package party.organization.membercount;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;
import party.platform.mongo.Finds;

/** Keeps the member projection from member events and counts members per organization. */
@Service
public class MemberCountService {

    static final String FULL = "FULL";
    static final String PROBATIONARY = "PROBATIONARY";

    private final MongoTemplate mongo;

    MemberCountService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The entry a member event carrying {memberId, orgId, version} describes, with the member's
     * status in {@code statusField}; a member transferred out of the system has no organization.
     *
     * @throws PoisonEventException the event lacks a member id
     */
    static MemberEntry entry(IncomingEvent event, String statusField) {
        var orgNode = event.data().get("orgId");
        String orgId = orgNode == null || orgNode.isNull() ? null : event.text("orgId");
        MemberEntry entry = new MemberEntry(event.text("memberId"), orgId, event.text(statusField), event.number("version"));
        if (entry.id().isBlank()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a blank memberId");
        }
        return entry;
    }

    /**
     * Applies entries in one read and one bulk write: per member the highest version wins, and a
     * stored entry is replaced only by a newer version, so older and duplicate events change
     * nothing. Upserts by {@code _id} alone (the embedded server's index); one partition carries
     * all events of a member, so no other consumer thread writes the same entry.
     */
    void applyAll(List<MemberEntry> entries) {
        Map<String, MemberEntry> newest = new java.util.LinkedHashMap<>();
        for (MemberEntry entry : entries) {
            newest.merge(entry.id(), entry, (a, b) -> b.version() > a.version() ? b : a);
        }
        if (newest.isEmpty()) {
            return;
        }
        Map<String, Long> stored = new java.util.HashMap<>();
        Query known = Query.query(Criteria.where("_id").in(newest.keySet()));
        known.fields().include("version");
        mongo.find(known, Document.class, MemberEntry.COLLECTION)
                .forEach(d -> stored.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
        List<com.mongodb.client.model.WriteModel<Document>> writes = new java.util.ArrayList<>();
        for (MemberEntry entry : newest.values()) {
            Long version = stored.get(entry.id());
            if (version == null || version < entry.version()) {
                Document doc = new Document("_id", entry.id()).append("orgId", entry.orgId()).append("status", entry.status())
                        .append("version", entry.version());
                writes.add(new com.mongodb.client.model.ReplaceOneModel<>(new Document("_id", entry.id()), doc,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            mongo.getCollection(MemberEntry.COLLECTION).bulkWrite(writes,
                    new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    /** Direct and subtree counts from one aggregation over the subtree, grouped by organization. */
    public MemberCounts counts(String orgId, Collection<String> subtreeIds) {
        Map<String, MemberCounts.Count> byOrg = directCounts(subtreeIds);
        MemberCounts.Count none = MemberCounts.Count.of(0, 0);
        long full = byOrg.values().stream().mapToLong(MemberCounts.Count::full).sum();
        long probationary = byOrg.values().stream().mapToLong(MemberCounts.Count::probationary).sum();
        return new MemberCounts(byOrg.getOrDefault(orgId, none), MemberCounts.Count.of(full, probationary));
    }

    /** A member on an organization's roster; only full members have voting rights. */
    public record RosterEntry(String memberId, String status) {
        public boolean fullMember() {
            return FULL.equals(status);
        }
    }

    /** The members (full and probationary) belonging directly to an organization, as known from member events. */
    public List<RosterEntry> roster(String orgId) {
        return mongo.find(Query.query(Criteria.where("orgId").is(orgId).and("status").in(FULL, PROBATIONARY)),
                MemberEntry.class).stream().map(e -> new RosterEntry(e.id(), e.status())).toList();
    }

    /** Direct counts of many organizations in one query; organizations without members are absent. */
    public Map<String, MemberCounts.Count> directCounts(Collection<String> orgIds) {
        Map<String, long[]> byOrg = new java.util.HashMap<>();
        mongo.aggregate(newAggregation(
                        match(Criteria.where("orgId").in(orgIds).and("status").in(FULL, PROBATIONARY)),
                        group("orgId", "status").count().as("n")), MemberEntry.class, Document.class)
                .getMappedResults().forEach(d -> {
                    Document key = d.get("_id", Document.class);
                    long[] counts = byOrg.computeIfAbsent(key.getString("orgId"), k -> new long[2]);
                    counts[FULL.equals(key.getString("status")) ? 0 : 1] = ((Number) d.get("n")).longValue();
                });
        Map<String, MemberCounts.Count> result = new java.util.HashMap<>();
        byOrg.forEach((org, c) -> result.put(org, MemberCounts.Count.of(c[0], c[1])));
        return result;
    }

    /** Whether any member (of any status) still belongs directly to the organization. */
    public boolean hasMembers(String orgId) {
        return Finds.any(mongo, Query.query(Criteria.where("orgId").is(orgId)
                .and("status").in(FULL, PROBATIONARY)), MemberEntry.class);
    }

}
