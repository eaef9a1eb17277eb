package party.platform.events;

import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Idempotent consumption: remembers which events a consumer has handled, by (consumer, event id).
 * The effect runs first and the mark is written after it, so a crash in between leads to the
 * effect running again on redelivery: effects must therefore be idempotent on their own (upserts
 * guarded by aggregate version); the inbox makes plain duplicates cheap and keeps them out of
 * anything that counts.
 */
public class Inbox {

    static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;

    public Inbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Runs {@code effect} unless this consumer already handled the event.
     *
     * @return whether the effect ran
     */
    public boolean handle(String consumer, IncomingEvent event, Runnable effect) {
        String key = consumer + "|" + event.id();
        if (mongo.getCollection(COLLECTION).find(new Document("_id", key)).limit(1).first() != null) {
            return false;
        }
        TraceContext.within(event.traceparent(), effect);
        try {
            mongo.insert(new Document("_id", key).append("type", event.type()).append("at", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentDuplicate) {
            // Another delivery of the same event finished first; the effect is idempotent.
        }
        return true;
    }
}
