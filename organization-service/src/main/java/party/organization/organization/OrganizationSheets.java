package party.organization.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import party.platform.events.AggregateStore;

/**
 * The writing side of a sheet import, kept beside the aggregate because it creates organizations
 * in two steps: written invisible without events, then made visible and announced together.
 */
@Component
public class OrganizationSheets {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final TreeIndex index;

    OrganizationSheets(MongoTemplate mongo, AggregateStore store, TreeIndex index) {
        this.mongo = mongo;
        this.store = store;
        this.index = index;
    }

    /** An organization to import, with its id and place decided. */
    public record Imported(String id, OrganizationType type, String name, String code, LocalDate foundedOn,
                           String parentId, List<String> ancestors) {
    }

    /** Writes the organizations invisible, parents first. */
    public void write(String importId, List<Imported> organizations) {
        Instant now = Instant.now();
        mongo.insertAll(organizations.stream().map(o -> Organization.imported(o.id(), o.type(), o.name(), o.code(),
                o.foundedOn(), o.parentId(), o.ancestors(), importId, now)).toList());
    }

    /** Makes an import's organizations visible and announces each as created, in the given order. */
    public void activate(String importId, List<String> ids) {
        java.util.Map<String, Organization> byId = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("importId").is(importId)), Organization.class)
                .forEach(o -> byId.put(o.getId(), o));
        List<Organization> ordered = ids.stream().map(byId::get).toList();
        ordered.forEach(Organization::activateImported);
        store.saveAll(ordered).forEach(index::apply);
    }

    /** Removes what an unfinished import wrote; returns how many. */
    public long discard(String importId) {
        return mongo.remove(Query.query(Criteria.where("importId").is(importId)
                .and("status").is(Organization.Status.IMPORTING)), Organization.class).getDeletedCount();
    }

    /** Removes what imports started before {@code before} left unfinished. */
    public long discardOlderThan(Instant before) {
        return mongo.remove(Query.query(Criteria.where("status").is(Organization.Status.IMPORTING)
                .and("importStartedAt").lt(before)), Organization.class).getDeletedCount();
    }
}
