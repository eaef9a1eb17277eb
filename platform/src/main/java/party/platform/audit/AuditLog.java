package party.platform.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Append-only audit trail of the service: who did what, when, in which organization, with what
 * outcome. Nothing in the code base updates or deletes an entry.
 */
public class AuditLog {

    static final String COLLECTION = "audit_log";

    private final MongoTemplate mongo;

    public AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param actor the token's subject
     * @param action what was done, e.g. {@code member.pii.read}
     * @param orgId the organization the object belongs to
     * @param target the object's id
     * @param outcome e.g. {@code ALLOWED}, {@code DENIED}
     */
    public record Entry(String id, Instant at, String actor, String action, String orgId, String target, String outcome) {
    }

    public void record(String actor, String action, String orgId, String target, String outcome) {
        mongo.insert(new Entry(null, Instant.now(), actor, action, orgId, target, outcome), COLLECTION);
    }

    public PageResponse<Entry> find(String action, String orgId, String actor, PageRequest page) {
        Criteria criteria = new Criteria();
        if (action != null) {
            criteria = criteria.and("action").is(action);
        }
        if (orgId != null) {
            criteria = criteria.and("orgId").is(orgId);
        }
        if (actor != null) {
            criteria = criteria.and("actor").is(actor);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        List<Entry> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at")).skip(page.offset()).limit(page.size()),
                Entry.class, COLLECTION);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }
}
