package party.platform.events;

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
}
