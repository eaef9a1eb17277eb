package party.platform.events;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events kept in aggregate documents and then removes them from the document.
 *
 * <p>One thread publishes, so the events of one aggregate leave in the order they were raised.
 * Publishing right after the save keeps the latency low; the periodic sweep republishes whatever
 * a crash or a broker outage left behind. Delivery is at least once: an event published but not
 * yet removed when the process dies is published again, and consumers dedupe on its id.
 *
 * <p>With several replicas of a service, each replica relays its own writes and every replica
 * sweeps; two replicas may publish the same left-over event, which is the same at-least-once case.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 200;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Set<String> collections;
    private final java.time.Duration sweepGrace;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections,
                       java.time.Duration sweepGrace) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = collections;
        this.sweepGrace = sweepGrace;
    }

    public void publishSoon(String collection, String id) {
        executor.execute(() -> relay(collection, List.of(id)));
    }

    /** Publishes the events of many documents in one batch (one broker round trip, one update). */
    public void publishSoon(String collection, List<String> ids) {
        executor.execute(() -> relay(collection, ids));
    }

    /** Republishes events older than the grace period, in every aggregate collection. */
    @Scheduled(fixedDelayString = "${party.events.sweep-interval:2s}", initialDelayString = "${party.events.sweep-interval:2s}")
    public void sweep() {
        if (!publisher.available()) {
            return;
        }
        Instant olderThan = Instant.now().minus(sweepGrace);
        for (String collection : collections) {
            Query query = Query.query(Criteria.where("pendingEvents.time").lt(olderThan)).limit(SWEEP_BATCH);
            query.fields().include("_id");
            List<Object> ids = mongo.find(query, Document.class, collection).stream().map(d -> d.get("_id")).toList();
            if (!ids.isEmpty()) {
                log.info("outbox sweep: {} document(s) with pending events in {}", ids.size(), collection);
                try {
                    executor.submit(() -> relay(collection, ids.stream().map(String::valueOf).toList())).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("outbox sweep of {} failed: {}", collection, e.getCause().toString());
                }
            }
        }
    }

    /** Number of events waiting to be published, over all aggregate collections. */
    public long backlog() {
        long count = 0;
        for (String collection : collections) {
            for (Document doc : mongo.find(Query.query(Criteria.where("pendingEvents.0").exists(true)),
                    Document.class, collection)) {
                count += doc.getList("pendingEvents", Document.class, List.of()).size();
            }
        }
        return count;
    }

    private void relay(String collection, List<String> ids) {
        List<Document> docs = mongo.find(Query.query(Criteria.where("_id").in(ids).and("pendingEvents.0").exists(true)),
                Document.class, collection);
        List<PendingEvent> events = new ArrayList<>();
        for (Document doc : docs) {
            for (Document event : doc.getList("pendingEvents", Document.class, List.of())) {
                events.add(mongo.getConverter().read(PendingEvent.class, event));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            List<String> published = publisher.publish(events);
            mongo.updateMulti(Query.query(Criteria.where("_id").in(docs.stream().map(d -> d.get("_id")).toList())),
                    new Update().pull("pendingEvents", new Document("eventId", new Document("$in", published))),
                    collection);
        } catch (CallNotPermittedException e) {
            log.debug("broker circuit open; {} event(s) in {} stay pending", events.size(), collection);
        } catch (RuntimeException e) {
            log.warn("publishing {} event(s) of {} document(s) in {} failed, they stay pending: {}", events.size(),
                    docs.size(), collection, e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
