package party.organization.membercount;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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
     * Applies a member event carrying {memberId, orgId, version} and the member's status in
     * {@code statusField}; older versions change nothing.
     */
    void apply(IncomingEvent event, String statusField) {
        // A member transferred out of the system has no organization here any more.
        var orgNode = event.data().get("orgId");
        String orgId = orgNode == null || orgNode.isNull() ? null : event.text("orgId");
        MemberEntry entry = new MemberEntry(event.text("memberId"), orgId, event.text(statusField),
                event.number("version"));
        if (entry.id().isBlank()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has a blank memberId");
        }
        MemberEntry stored = mongo.findById(entry.id(), MemberEntry.class);
        if (stored == null) {
            try {
                mongo.insert(entry);
            } catch (DuplicateKeyException raced) {
                apply(event, statusField);
            }
        } else if (stored.version() < entry.version()) {
            // By _id alone (the embedded server's index); one partition carries all events of a member.
            mongo.findAndReplace(Query.query(Criteria.where("_id").is(entry.id())), entry);
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
