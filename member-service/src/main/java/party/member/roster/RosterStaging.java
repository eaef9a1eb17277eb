package party.member.roster;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
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
import party.platform.events.OutboxRelay;
import party.platform.mongo.Finds;
import party.platform.scheduling.LeaseLock;

/**
 * Writes an import's members invisible, then activates them: MongoDB here has no multi-document
 * transactions, so the members (with their pending {@code party.member.registered.v1} events) are
 * first inserted into a staging collection that neither the registry nor the outbox relay reads.
 * A failure while staging removes what was staged (nothing was visible or published). Once all
 * are staged the import is ACTIVATING and only rolls forward: each staged document is copied as is
 * (same id, same events) into {@code members}, which is idempotent by id, so a crash part-way is
 * completed by {@link #resumeInterrupted()}.
 */
@Component
class RosterStaging {

    private static final Logger log = LoggerFactory.getLogger(RosterStaging.class);
    static final String STAGING = "member_roster_staging";
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);
    private static final Duration RESUME_AFTER = Duration.ofMinutes(1);

    /** Members copied per bulk write while activating. */
    private static final int CHUNK = 1_000;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final MemberDirectory directory;
    private final LeaseLock leases;

    RosterStaging(MongoTemplate mongo, OutboxRelay relay, MemberDirectory directory, LeaseLock leases) {
        this.mongo = mongo;
        this.relay = relay;
        this.directory = directory;
        this.leases = leases;
    }

    /** Stages the members; on failure removes them again and rethrows. */
    void write(String importId, String by, List<Member> members) {
        List<String> ids = members.stream().map(Member::getId).toList();
        mongo.insert(new RosterImport(importId, RosterImport.State.WRITING, Instant.now(), by, ids, List.of()));
        try {
            mongo.insert(members, STAGING);
        } catch (RuntimeException e) {
            discard(importId, ids);
            log.warn("roster import {} failed while staging; removed what it had staged", importId);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                Update.update("state", RosterImport.State.ACTIVATING), RosterImport.class);
    }

    /**
     * Copies every staged member into the registry and relays their events. A number registered in
     * between by someone else (the unique blind index refuses it) is the one case left: it is logged
     * and kept on the journal as a conflict rather than undoing members already announced.
     */
    List<String> activate(String importId) {
        RosterImport journal = mongo.findById(importId, RosterImport.class);
        if (journal == null) {
            return List.of();
        }
        List<String> conflicts = new ArrayList<>(journal.conflicts());
        List<String> ids = journal.memberIds();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Document> staged = mongo.find(Query.query(Criteria.where("_id").in(chunk)), Document.class, STAGING);
            List<String> activated = insert(importId, staged, conflicts);
            if (!activated.isEmpty()) {
                directory.recordQuietly(staged.stream().filter(d -> activated.contains(d.getString("_id")))
                        .map(d -> mongo.getConverter().read(Member.class, d)).toList());
                relay.publishSoon(Member.COLLECTION, activated);
            }
        }
        mongo.remove(Query.query(Criteria.where("_id").in(journal.memberIds())), STAGING);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(importId)),
                Update.update("state", RosterImport.State.DONE).set("conflicts", conflicts), RosterImport.class);
        return conflicts;
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
        java.util.Set<String> activated = new java.util.LinkedHashSet<>();
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

    private void discard(String importId, List<String> ids) {
        mongo.remove(Query.query(Criteria.where("_id").in(ids)), STAGING);
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
        for (RosterImport journal : mongo.find(Query.query(Criteria.where("state").is(RosterImport.State.WRITING)
                .and("startedAt").lt(now.minus(ABANDONED_AFTER))), RosterImport.class)) {
            discard(journal.id(), journal.memberIds());
            log.warn("removed roster import {} abandoned while staging", journal.id());
        }
        for (RosterImport journal : mongo.find(Query.query(Criteria.where("state").is(RosterImport.State.ACTIVATING)
                .and("startedAt").lt(now.minus(RESUME_AFTER))), RosterImport.class)) {
            activate(journal.id());
            log.warn("completed roster import {} interrupted while activating", journal.id());
        }
    }
}
