package party.platform.events;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Saves an aggregate together with its pending events in one document write, then asks the relay
 * to publish them right away. If the process dies in between, the sweep finds them later.
 */
public class AggregateStore {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Inserts or replaces the aggregate (optimistic locking on its version: a stale write fails
     * with {@link org.springframework.dao.OptimisticLockingFailureException}).
     */
    public <T extends Aggregate> T save(T aggregate) {
        T saved = mongo.save(aggregate);
        if (!saved.getPendingEvents().isEmpty()) {
            relay.publishSoon(mongo.getCollectionName(saved.getClass()), saved.getId());
        }
        return saved;
    }

    /**
     * Saves several aggregates, each in its own single-document write, then relays all their
     * events in one batch: for changes that touch many aggregates at once (moving a subtree).
     * Not atomic across aggregates; a failure part-way leaves the earlier ones saved.
     */
    public <T extends Aggregate> List<T> saveAll(List<T> aggregates) {
        List<T> saved = aggregates.stream().map(mongo::save).toList();
        java.util.Map<String, List<String>> byCollection = new java.util.LinkedHashMap<>();
        for (T aggregate : saved) {
            if (!aggregate.getPendingEvents().isEmpty()) {
                byCollection.computeIfAbsent(mongo.getCollectionName(aggregate.getClass()), c -> new java.util.ArrayList<>())
                        .add(aggregate.getId());
            }
        }
        byCollection.forEach(relay::publishSoon);
        return saved;
    }

    /**
     * Inserts new aggregates in one bulk write and relays their events in one batch: for creating
     * many at once (a batch registration). All or nothing: if any insert fails (a unique index
     * refuses one), those already inserted are removed again before the error is rethrown. Their
     * events go with them, unpublished, since the relay is asked only after the whole batch is in
     * and the sweep leaves fresh events alone.
     */
    public <T extends Aggregate> List<T> insertAll(List<T> aggregates, Class<T> type) {
        if (aggregates.isEmpty()) {
            return aggregates;
        }
        String collection = mongo.getCollectionName(type);
        try {
            mongo.insert(aggregates, type);
        } catch (RuntimeException e) {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id")
                            .in(aggregates.stream().map(Aggregate::getId).toList())), collection);
            throw e;
        }
        relay.publishSoon(collection, aggregates.stream().filter(a -> !a.getPendingEvents().isEmpty())
                .map(Aggregate::getId).toList());
        return aggregates;
    }
}
