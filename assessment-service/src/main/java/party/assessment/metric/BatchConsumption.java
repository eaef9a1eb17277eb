package party.assessment.metric;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import party.platform.events.IncomingEvent;
import party.platform.events.PoisonEventException;

/**
 * Consumption of the high-volume metric events in batches, for throughput: per poll, ONE inbox lookup
 * of all event ids, the effects as ordered bulk writes (one round trip per collection), and ONE insert
 * of the inbox marks, instead of three or four round trips per event. Same guarantees as the
 * platform's record listeners: dedupe on (consumer, ce_id) in the same {@code inbox} collection, the
 * effect before the mark (effects are idempotent on their own: $addToSet, version guards), poison
 * records to the DLT at once, other failures retried with backoff and then parked in the DLT.
 */
@Configuration(proxyBeanMethods = false)
public class BatchConsumption {

    /** The listener container factory of batch listeners. */
    public static final String FACTORY = "assessmentBatchListenerFactory";
    static final String INBOX = "inbox";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> assessmentBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactory<String, String> eventListenerFactory,
            KafkaTemplate<String, String> eventKafkaTemplate,
            @org.springframework.beans.factory.annotation.Value("${party.assessment.max-poll-records:2000}") int maxPollRecords) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        // Larger polls make larger batches: fewer round trips per event under a burst.
        Map<String, Object> config = new java.util.HashMap<>(eventListenerFactory.getConsumerFactory().getConfigurationProperties());
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        factory.setConsumerFactory(new org.springframework.kafka.core.DefaultKafkaConsumerFactory<>(config));
        factory.setBatchListener(true);
        // As platform's batch factory: the record listeners' observations own the spring.kafka.listener
        // meter, and this plain timer's other tag keys made Prometheus refuse their meters.
        factory.getContainerProperties().setMicrometerEnabled(false);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(eventKafkaTemplate,
                (record, exception) -> new TopicPartition(record.topic() + ".dlt", -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, IllegalArgumentException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }

    @Bean
    Batches batches(MongoTemplate mongo) {
        return new Batches(mongo);
    }

    /** Runs a batch of records through a handler with one inbox lookup and one mark insert. */
    public static class Batches {

        private final MongoTemplate mongo;

        Batches(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        public void consume(String consumer, List<ConsumerRecord<String, String>> records, BiConsumer<IncomingEvent, Batch> handler) {
            List<String> keys = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                var id = record.headers().lastHeader(party.platform.events.CloudEvents.ID);
                if (id != null) {
                    keys.add(consumer + "|" + new String(id.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            Set<String> seen = new HashSet<>();
            Query query = Query.query(Criteria.where("_id").in(keys));
            query.fields().include("_id");
            mongo.find(query, Document.class, INBOX).forEach(d -> seen.add(d.getString("_id")));
            Batch batch = new Batch(mongo);
            List<Document> marks = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < records.size(); i++) {
                try {
                    IncomingEvent event = IncomingEvent.from(records.get(i));
                    String key = consumer + "|" + event.id();
                    if (!seen.add(key)) {
                        continue; // handled before, or twice in this batch
                    }
                    int before = batch.pending();
                    handler.accept(event, batch);
                    if (batch.pending() > before || batch.ranNow()) {
                        marks.add(new Document("_id", key).append("type", event.type()).append("at", now));
                    }
                    batch.resetRanNow();
                } catch (PoisonEventException poison) {
                    // What came before is applied and marked; the poison record goes to the DLT, the rest is redelivered.
                    finish(batch, marks);
                    throw new BatchListenerFailedException(poison.getMessage(), poison, i);
                }
            }
            finish(batch, marks);
        }

        private void finish(Batch batch, List<Document> marks) {
            batch.flush();
            if (marks.isEmpty()) {
                return;
            }
            try {
                mongo.getCollection(INBOX).insertMany(marks, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // A concurrent delivery of the same event marked it first; effects are idempotent.
                if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                    throw e;
                }
            }
            marks.clear();
        }
    }

    /**
     * The writes of one batch. Set additions and field sets on one document are merged into ONE upsert
     * per document (a burst of meetings of one branch and month is one write, not thousands); other
     * updates go into ordered bulk operations per collection. Everything is flushed before any effect
     * that must read what the batch wrote.
     */
    public static class Batch {

        private final MongoTemplate mongo;
        private final Map<String, Map<String, DocumentChange>> merged = new LinkedHashMap<>();
        private final Map<String, BulkOperations> bulks = new LinkedHashMap<>();
        private int pending;
        private boolean ranNow;
        private Roster roster;
        private final List<Roster.Change> rosterChanges = new ArrayList<>();

        Batch(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        /** The pending change of one document, merged over the batch. */
        private static final class DocumentChange {
            final Map<String, java.util.LinkedHashSet<Object>> addToSet = new LinkedHashMap<>();
            final Map<String, Object> set = new LinkedHashMap<>();

            Update toUpdate() {
                Update update = new Update();
                set.forEach(update::set);
                addToSet.forEach((field, values) -> update.addToSet(field).each(values.toArray()));
                return update;
            }
        }

        /** Adds values to set fields and sets fields of the document {@code id} (upserted). */
        public void merge(String collection, String id, Map<String, List<?>> additions, Map<String, Object> fields) {
            DocumentChange change = merged.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                    .computeIfAbsent(id, k -> new DocumentChange());
            additions.forEach((field, values) -> change.addToSet.computeIfAbsent(field, f -> new java.util.LinkedHashSet<>()).addAll(values));
            change.set.putAll(fields);
            pending++;
        }

        public void upsert(String collection, String id, Update update) {
            bulk(collection).upsert(Query.query(Criteria.where("_id").is(id)), update);
            pending++;
        }

        public void update(String collection, Query query, Update update) {
            bulk(collection).updateOne(query, update);
            pending++;
        }

        /**
         * A version-guarded roster change, applied at the flush with the batch's other roster changes
         * in one read and one bulk write ({@link Roster#applyAll}) rather than a read and a write each.
         */
        public void roster(Roster roster, String memberId, long version, java.util.function.UnaryOperator<RosterEntry> change) {
            if (this.roster != null && this.roster != roster) {
                throw new IllegalStateException("one roster per batch");
            }
            this.roster = roster;
            rosterChanges.add(new Roster.Change(memberId, version, change));
            pending++;
        }

        /** An effect that reads what it writes (version guards, lookups): runs after everything queued so far. */
        public void now(Runnable effect) {
            flush();
            effect.run();
            ranNow = true;
        }

        int pending() {
            return pending;
        }

        boolean ranNow() {
            return ranNow;
        }

        void resetRanNow() {
            ranNow = false;
        }

        void flush() {
            if (!rosterChanges.isEmpty()) {
                roster.applyAll(rosterChanges);
                rosterChanges.clear();
            }
            merged.forEach((collection, changes) -> {
                BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
                changes.forEach((id, change) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), change.toUpdate()));
                bulk.execute();
            });
            merged.clear();
            bulks.values().forEach(BulkOperations::execute);
            bulks.clear();
        }

        private BulkOperations bulk(String collection) {
            return bulks.computeIfAbsent(collection, c -> mongo.bulkOps(BulkOperations.BulkMode.ORDERED, c));
        }
    }
}
