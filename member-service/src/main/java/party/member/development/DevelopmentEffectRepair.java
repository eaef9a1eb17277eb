package party.member.development;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import party.platform.scheduling.LeaseLock;

/**
 * Completes development steps whose member effect was interrupted: the record is written first
 * (the step, its effect PENDING, its event held), then the member, then the note (APPLIED); a crash
 * or a failed write between them leaves the effect PENDING. Every minute this finds effects
 * recorded more than a minute ago and still PENDING and completes them through
 * {@link DevelopmentService#complete}. One replica runs it at a time (a lease); were two to overlap,
 * completing is idempotent and the member's version makes a concurrent change fail and be retried
 * at the next run. Records stored before the {@code memberEffect} field have none and are never
 * picked: they were written after their member.
 */
@Component
class DevelopmentEffectRepair {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentEffectRepair.class);
    static final Duration GRACE = Duration.ofMinutes(1);
    static final String LEASE = "member-service.development-effect-repair";

    private final MongoTemplate mongo;
    private final DevelopmentService development;
    private final LeaseLock leases;

    DevelopmentEffectRepair(MongoTemplate mongo, DevelopmentService development, LeaseLock leases) {
        this.mongo = mongo;
        this.development = development;
        this.leases = leases;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void completeInterruptedOnOneReplica() {
        leases.runExclusively(LEASE, Duration.ofSeconds(50), this::completeInterrupted);
    }

    /** @return how many member effects it completed */
    int completeInterrupted() {
        Query pending = Query.query(Criteria.where("memberEffect.state").is(DevelopmentRecord.EffectState.PENDING.name())
                .and("memberEffect.recordedAt").lt(Instant.now().minus(GRACE)));
        pending.fields().include("_id", "memberEffect");
        int completed = 0;
        for (Document record : mongo.find(pending, Document.class, DevelopmentRecord.COLLECTION)) {
            String id = record.getString("_id");
            try {
                if (development.complete(id)) {
                    completed++;
                    log.warn("completed development record {}: the member effect of step {} applied after an "
                            + "interrupted step", id, record.get("memberEffect", Document.class).get("step"));
                }
            } catch (RuntimeException e) {
                log.error("development record {} has a step whose member effect could not be applied yet: {}", id,
                        e.toString());
            }
        }
        return completed;
    }
}
