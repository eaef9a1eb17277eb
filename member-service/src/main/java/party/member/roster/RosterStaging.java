package party.member.roster;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import party.member.member.Member;
import party.member.member.MemberDirectory;
import party.platform.events.EventPublisher;
import party.platform.events.PendingEvent;
import party.platform.mongo.Finds;
import party.platform.scheduling.LeaseLock;

/**
 * Writes an import's members invisible, then activates them: MongoDB here has no multi-document
 * transactions, so the members (with their pending {@code party.member.registered.v1} events) are
 * first written into a staging collection that neither the registry nor the outbox relay reads,
 * a chunk of {@value #CHUNK} members per staging document. A failure while staging removes what was
 * staged (nothing was visible or published). Once all are staged the import is ACTIVATING and only
 * rolls forward: each chunk's member documents are copied (same ids) into {@code members}, which is
 * idempotent by id, and the chunk's events are published from the staging document before it is
 * removed ({@link #activate}), so a crash part-way is completed by {@link #resumeInterrupted()}.
 *
 * <p>The members are staged in the order of their organizations, not of the sheet: a chunk then
 * touches a few organizations' directory documents instead of up to a thousand, and so do the
 * events it announces (each directory write rewrites the organization's whole document).
 */
@Component
class RosterStaging {

    private static final Logger log = LoggerFactory.getLogger(RosterStaging.class);
    static final String STAGING = "member_roster_staging";
    /** How long an import may show no sign of life before another process takes it over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final Duration RESUME_AFTER = Duration.ofMinutes(1);
    /** How often a working import notes that it is alive (each note rewrites the journal). */
    private static final Duration BEAT = Duration.ofSeconds(20);

    /** Members per staging document and per bulk write while activating (a chunk stays a few megabytes). */
    static final int CHUNK = 1_000;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final MemberDirectory directory;
    private final LeaseLock leases;

    RosterStaging(MongoTemplate mongo, EventPublisher publisher, MemberDirectory directory, LeaseLock leases) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.directory = directory;
        this.leases = leases;
    }

    /** Stages the members; on failure removes them again and rethrows. */
    void write(String importId, String by, List<Member> members) {
        write(importId, by, members, CHUNK);
    }

    void write(String importId, String by, List<Member> members, int chunkSize) {
        List<String> ids = members.stream().map(Member::getId).toList();
        List<Member> byOrg = new ArrayList<>(members);
        byOrg.sort(Comparator.comparing(Member::getOrgId)); // stable: the sheet's order within an organization
        int chunks = (byOrg.size() + chunkSize - 1) / chunkSize;
        Instant now = Instant.now();
        mongo.insert(new RosterImport(importId, RosterImport.State.WRITING, now, by, ids, List.of(), chunks, now));
        Liveness alive = new Liveness(importId);
        try {
            for (int n = 0; n < chunks; n++) {
                alive.beat();
                mongo.insert(new Document("_id", chunkId(importId, n)).append("members",
                        encode(byOrg.subList(n * chunkSize, Math.min(byOrg.size(), (n + 1) * chunkSize)))), STAGING);
            }
        } catch (RuntimeException e) {
            discard(importId, chunks);
            log.warn("roster import {} failed while staging; removed what it had staged", importId);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                Update.update("state", RosterImport.State.ACTIVATING), RosterImport.class);
    }

    /**
     * A chunk's members as one binary value: their BSON documents one after the other, each as
     * {@code MongoTemplate.insert} would store it (a new aggregate starts at version 0). To the
     * database a chunk is then a few opaque megabytes, not a thousand nested documents it would
     * parse, copy and re-encode (that had cost as much as inserting the members themselves).
     */
    private Binary encode(List<Member> members) {
        Codec<Document> codec = mongo.getDb().getCodecRegistry().get(Document.class);
        BasicOutputBuffer out = new BasicOutputBuffer();
        for (Member member : members) {
            Document doc = new Document();
            mongo.getConverter().write(member, doc);
            doc.putIfAbsent("version", 0L);
            codec.encode(new BsonBinaryWriter(out), doc, EncoderContext.builder().build());
        }
        return new Binary(out.toByteArray());
    }

    private List<Document> decode(Binary chunk) {
        Codec<Document> codec = mongo.getDb().getCodecRegistry().get(Document.class);
        ByteBuffer bytes = ByteBuffer.wrap(chunk.getData()).order(ByteOrder.LITTLE_ENDIAN);
        List<Document> members = new ArrayList<>();
        while (bytes.hasRemaining()) {
            int length = bytes.getInt(bytes.position()); // a BSON document starts with its length
            members.add(codec.decode(new BsonBinaryReader(bytes.slice(bytes.position(), length)),
                    DecoderContext.builder().build()));
            bytes.position(bytes.position() + length);
        }
        return members;
    }

    static String chunkId(String importId, int n) {
        return importId + ":" + n;
    }

    /**
     * Copies every staged member into the registry and announces them. A number registered in
     * between by someone else (the unique blind index refuses it) is the one case left: it is logged
     * and kept on the journal as a conflict rather than undoing members already announced.
     *
     * <p>The staging document is the chunk's outbox: the members go into the registry without
     * pending events, their events are published from the chunk, and only then is the chunk removed.
     * The relay's usual second write of each member (clearing its published events) is saved, which
     * was a third of the work of an import. If the broker does not take a chunk's events, the
     * members still go in (the import stays whole) and the journal stays ACTIVATING with the chunk:
     * the resume job publishes it once the broker is back. A resumed chunk publishes its events again
     * with the same {@code ce_id}, which consumers dedupe.
     */
    List<String> activate(String importId) {
        RosterImport journal = mongo.findById(importId, RosterImport.class);
        if (journal == null) {
            return List.of();
        }
        List<String> conflicts = new ArrayList<>(journal.conflicts());
        Liveness alive = new Liveness(importId);
        boolean announced = true;
        for (int n = 0; n < journal.chunks(); n++) {
            alive.beat();
            Document chunk = mongo.findById(chunkId(importId, n), Document.class, STAGING);
            if (chunk == null) {
                continue; // in the registry and announced before
            }
            List<Document> staged = decode(chunk.get("members", Binary.class));
            List<PendingEvent> events = new ArrayList<>();
            for (Document member : staged) {
                for (Document event : member.getList("pendingEvents", Document.class, List.of())) {
                    events.add(mongo.getConverter().read(PendingEvent.class, event));
                }
                member.put("pendingEvents", List.of());
            }
            int conflictsBefore = conflicts.size();
            Set<String> activated = new HashSet<>(insert(importId, staged, conflicts));
            if (conflicts.size() > conflictsBefore) {
                // Noted before the chunk can go: a resumed activation skips removed chunks.
                mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)), Update.update("conflicts", conflicts),
                        RosterImport.class);
            }
            if (!activated.isEmpty()) {
                directory.recordQuietly(staged.stream().filter(d -> activated.contains(d.getString("_id")))
                        .map(d -> mongo.getConverter().read(Member.class, d)).toList());
            }
            if (announce(importId, events.stream().filter(e -> activated.contains(e.subject())).toList())) {
                mongo.remove(Query.query(Criteria.where("_id").is(chunkId(importId, n))), STAGING);
            } else {
                announced = false;
            }
        }
        if (announced) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                    Update.update("state", RosterImport.State.DONE).set("conflicts", conflicts), RosterImport.class);
        } else {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)), Update.update("conflicts", conflicts),
                    RosterImport.class);
            log.warn("roster import {}: every member is in the registry; events of some are not published yet, "
                    + "the resume job publishes them once the broker takes them", importId);
        }
        return conflicts;
    }

    private boolean announce(String importId, List<PendingEvent> events) {
        if (events.isEmpty()) {
            return true;
        }
        try {
            publisher.publish(events);
            return true;
        } catch (RuntimeException e) {
            log.warn("roster import {}: {} event(s) not published yet: {}", importId, events.size(), e.toString());
            return false;
        }
    }

    /**
     * Inserts staged members in one unordered bulk write; a member already there (a resumed
     * activation) counts as activated, a number taken by someone else in between as a conflict.
     *
     * @return the ids now in the registry
     */
    private List<String> insert(String importId, List<Document> staged, List<String> conflicts) {
        if (staged.isEmpty()) {
            return List.of();
        }
        Set<String> activated = new LinkedHashSet<>();
        staged.forEach(d -> activated.add(d.getString("_id")));
        try {
            mongo.getCollection(Member.COLLECTION).insertMany(staged, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                String id = staged.get(error.getIndex()).getString("_id");
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (!Finds.any(mongo, Query.query(Criteria.where("_id").is(id)), Member.COLLECTION)) {
                    log.error("roster import {}: member {} lost its national ID number to a concurrent registration", importId, id);
                    conflicts.add(id);
                    activated.remove(id);
                }
            }
        }
        return new ArrayList<>(activated);
    }

    private void removeChunks(String importId, int chunks) {
        List<String> ids = new ArrayList<>(chunks);
        for (int n = 0; n < chunks; n++) {
            ids.add(chunkId(importId, n));
        }
        mongo.remove(Query.query(Criteria.where("_id").in(ids)), STAGING);
    }

    private void discard(String importId, int chunks) {
        removeChunks(importId, chunks);
        mongo.remove(Query.query(Criteria.where("_id").is(importId)), RosterImport.class);
    }

    /** Finishes imports a crash interrupted: staging ones are removed, activating ones completed. */
    /** One replica per minute: two finishing the same import at once would race on its members. */
    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void resumeInterruptedOnOneReplica() {
        leases.runExclusively("member-service.roster-resume", Duration.ofSeconds(50), this::resumeInterrupted);
    }

    void resumeInterrupted() {
        Instant now = Instant.now();
        for (RosterImport journal : mongo.find(Query.query(idle(RosterImport.State.WRITING, now.minus(ABANDONED_AFTER))),
                RosterImport.class)) {
            discard(journal.id(), journal.chunks());
            log.warn("removed roster import {} abandoned while staging", journal.id());
        }
        for (RosterImport journal : mongo.find(Query.query(idle(RosterImport.State.ACTIVATING, now.minus(RESUME_AFTER))),
                RosterImport.class)) {
            activate(journal.id());
            log.warn("completed roster import {} interrupted while activating", journal.id());
        }
    }

    /** Imports in {@code state} whose last sign of life is older than {@code before}. */
    private static Criteria idle(RosterImport.State state, Instant before) {
        return Criteria.where("state").is(state).orOperator(Criteria.where("touchedAt").lt(before),
                Criteria.where("touchedAt").exists(false).and("startedAt").lt(before));
    }

    /**
     * Notes on the journal, every {@link #BEAT} at most, that the import is being worked on: an
     * activation of 100,000 members takes longer than {@link #RESUME_AFTER}, and without the note the
     * resume job of this or another replica took it for interrupted and activated it a second time.
     */
    private final class Liveness {
        private final String importId;
        private long last = System.nanoTime();

        Liveness(String importId) {
            this.importId = importId;
        }

        void beat() {
            if (System.nanoTime() - last >= BEAT.toNanos()) {
                last = System.nanoTime();
                mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)), Update.update("touchedAt", Instant.now()),
                        RosterImport.class);
            }
        }
    }
}
