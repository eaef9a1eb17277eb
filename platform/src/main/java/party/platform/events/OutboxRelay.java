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
    /** How long after a failed publish the sweep keeps scanning at every round. */
    private static final java.time.Duration FAILURE_MEMORY = java.time.Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Set<String> collections;
    private final java.time.Duration sweepGrace;
    private final java.time.Duration fullScanEvery;
    /** When a publish last failed; the start counts as one (a crash may have left events behind). */
    private volatile long lastFailure = System.nanoTime();
    /** The last scan found a full batch: scan again at the next sweep. */
    private volatile boolean morePending;
    private volatile long lastScan = System.nanoTime();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections,
                       java.time.Duration sweepGrace) {
        this(mongo, publisher, collections, sweepGrace, java.time.Duration.ofMinutes(1));
    }

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Set<String> collections,
                       java.time.Duration sweepGrace, java.time.Duration fullScanEvery) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = collections;
        this.sweepGrace = sweepGrace;
        this.fullScanEvery = fullScanEvery;
        collections.forEach(this::indexVersionedWrites);
    }

    /**
     * A versioned save replaces {@code {_id, version}}. The embedded MongoDB server uses an index
     * only when a query names exactly its keys, so without this index every save of an aggregate
     * would scan its collection. On a real MongoDB it is redundant with {@code _id}, and cheap.
     */
    private void indexVersionedWrites(String collection) {
        mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("_id", org.springframework.data.domain.Sort.Direction.ASC)
                .on("version", org.springframework.data.domain.Sort.Direction.ASC).unique().named("versioned_writes"));
    }

    public void publishSoon(String collection, String id) {
        executor.execute(() -> relay(collection, List.of(id)));
    }

    /** Publishes the events of many documents in one batch (one broker round trip, one update). */
    public void publishSoon(String collection, List<String> ids) {
        executor.execute(() -> relay(collection, ids));
    }

    /**
     * Publishes the document's pending events on the relay's thread, after everything queued
     * before, and waits for it: for a write whose own events must not leave before these.
     *
     * @return whether the broker took every event the document had (true if it had none); false if
     *     it did not, or the relay did not get to it within {@code wait}
     */
    public boolean publishNow(String collection, String id, java.time.Duration wait) {
        java.util.concurrent.Future<Boolean> relayed = executor.submit(() -> relay(collection, List.of(id)));
        try {
            return relayed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("publishing the events of {} in {} did not finish: {}", id, collection, e.toString());
            return false;
        }
    }

    /** Republishes events older than the grace period, in every aggregate collection. */
    @Scheduled(fixedDelayString = "${party.events.sweep-interval:2s}", initialDelayString = "${party.events.sweep-interval:2s}")
    public void sweep() {
        if (!publisher.available()) {
            lastFailure = System.nanoTime(); // an outage: scan at every round for a while once it is over
            return;
        }
        // Finding left-overs scans every aggregate collection (the embedded server has no index
        // for it), so scan at every round only while something can have been left behind: for a
        // while after a failed publish or the start (a crash), while batches come back full; and
        // otherwise every fullScanEvery (a minute by default).
        long now = System.nanoTime();
        boolean failedLately = now - lastFailure < sweepGrace.toNanos() + FAILURE_MEMORY.toNanos();
        if (!failedLately && !morePending && now - lastScan < fullScanEvery.toNanos()) {
            return;
        }
        morePending = false;
        lastScan = now;
        Instant olderThan = Instant.now().minus(sweepGrace);
        for (String collection : collections) {
            Query query = Query.query(Criteria.where("pendingEvents.time").lt(olderThan)).limit(SWEEP_BATCH);
            query.fields().include("_id");
            List<Object> ids = mongo.find(query, Document.class, collection).stream().map(d -> d.get("_id")).toList();
            morePending |= ids.size() == SWEEP_BATCH;
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

    /** @return whether no event read from the documents is left unpublished */
    private boolean relay(String collection, List<String> ids) {
        // By _id alone, so that the embedded server answers from its _id index.
        List<Document> docs = mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection).stream()
                .filter(doc -> !doc.getList("pendingEvents", Document.class, List.of()).isEmpty()).toList();
        List<PendingEvent> events = new ArrayList<>();
        for (Document doc : docs) {
            for (Document event : doc.getList("pendingEvents", Document.class, List.of())) {
                events.add(mongo.getConverter().read(PendingEvent.class, event));
            }
        }
        if (events.isEmpty()) {
            return true;
        }
        try {
            List<String> published = publisher.publish(events);
            mongo.updateMulti(Query.query(Criteria.where("_id").in(docs.stream().map(d -> d.get("_id")).toList())),
                    new Update().pull("pendingEvents", new Document("eventId", new Document("$in", published))),
                    collection);
            return true;
        } catch (CallNotPermittedException e) {
            lastFailure = System.nanoTime();
            log.debug("broker circuit open; {} event(s) in {} stay pending", events.size(), collection);
        } catch (RuntimeException e) {
            lastFailure = System.nanoTime();
            log.warn("publishing {} event(s) of {} document(s) in {} failed, they stay pending: {}", events.size(),
                    docs.size(), collection, e.toString());
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
