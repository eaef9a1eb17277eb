package party.organization.grade;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;

/** Keeps each organization's latest grade from assessment events and reads it for the organization resource. */
@Service
public class GradeService {

    static final Set<String> GRADES = Set.of("GOOD", "FAIRLY_GOOD", "AVERAGE", "POOR");

    private final MongoTemplate mongo;

    GradeService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a grade-determined event. One conditional upsert: it replaces the held grade only when
     * the event is of a later year, or of the same year with a higher evaluation version; otherwise
     * the upsert's insert collides with the held document's id and nothing changes. This stays
     * correct although the years of one organization are keyed differently (orgId|year) and may
     * arrive over different partitions.
     */
    void apply(IncomingEvent event, Instant determinedAt) {
        String orgId = event.text("orgId");
        String evaluationId = event.text("evaluationId");
        long year = event.number("year");
        long version = event.number("version");
        String grade = event.text("grade");
        if (orgId.isBlank() || year < 2000 || year > 2999 || version < 0 || !GRADES.contains(grade)) {
            throw new PoisonEventException(event.type() + " " + event.id() + " does not fit the contract: orgId '"
                    + orgId + "', year " + year + ", grade '" + grade + "', version " + version);
        }
        Criteria older = new Criteria().orOperator(
                Criteria.where("year").lt(year),
                Criteria.where("year").is(year).and("version").lt(version));
        Query heldAndOlder = Query.query(new Criteria().andOperator(Criteria.where("_id").is(orgId), older));
        Update update = new Update().set("year", (int) year).set("grade", grade).set("determinedAt", determinedAt)
                .set("evaluationId", evaluationId).set("version", version);
        try {
            mongo.upsert(heldAndOlder, update, CurrentGrade.class);
        } catch (DuplicateKeyException newerHeld) {
            // The organization already holds this or a newer grade.
        }
    }

    /** The current grade of an organization, if one was determined. */
    public Optional<GradeView> of(String orgId) {
        return Optional.ofNullable(mongo.findById(orgId, CurrentGrade.class)).map(GradeView::of);
    }

    /** The current grades of many organizations in one query (for a page of a list); ungraded ones are absent. */
    public Map<String, GradeView> of(Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(orgIds)), CurrentGrade.class).stream()
                .collect(Collectors.toMap(CurrentGrade::id, GradeView::of));
    }
}
