package party.training.roster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    /** Version-guarded upsert: compared in code, written by _id alone (one partition carries a member's events). */
    void apply(RosterMember next) {
        RosterMember stored = mongo.findById(next.id(), RosterMember.class);
        if (stored == null || stored.version() < next.version()) {
            mongo.save(next);
        }
    }

    /** A change that does not name the status keeps the stored one. */
    void applyBranch(String memberId, String orgId, String status, long version) {
        RosterMember stored = mongo.findById(memberId, RosterMember.class);
        if (stored == null || stored.version() < version) {
            mongo.save(new RosterMember(memberId, orgId, status != null ? status : stored == null ? null : stored.status(), version));
        }
    }
}
