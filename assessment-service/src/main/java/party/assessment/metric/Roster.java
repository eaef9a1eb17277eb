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

    /** Applies a change if it is newer than what is held; the version guard makes redelivery harmless. */
    void apply(String memberId, long version, java.util.function.UnaryOperator<RosterEntry> change) {
        RosterEntry stored = mongo.findById(memberId, RosterEntry.class);
        if (stored != null && stored.version() >= version) {
            return;
        }
        RosterEntry base = stored == null ? new RosterEntry(memberId, null, null, null, -1) : stored;
        RosterEntry next = change.apply(base);
        mongo.save(new RosterEntry(memberId, next.orgId(), next.status(), next.owesFrom(), version));
    }
}
