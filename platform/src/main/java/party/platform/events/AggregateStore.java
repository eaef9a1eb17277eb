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
}
