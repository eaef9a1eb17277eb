package party.member.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import party.platform.scheduling.LeaseLock;

/**
 * Completes status decisions whose member change was interrupted: a decision is written first
 * (PENDING, its event held), then the member, then the note (APPLIED); a crash or a failed write
 * between them leaves it PENDING. Every minute this finds PENDING decisions recorded more than a
 * minute ago and completes them through {@link StatusDecisionService#complete}. One replica runs
 * it at a time (a lease); were two to overlap, completing is idempotent and the member's version
 * makes a concurrent change fail and be retried at the next run. Decisions stored before the
 * {@code memberChange} field have none and are never picked: they were written after their member.
 */
@Component
class StatusDecisionRepair {

    private static final Logger log = LoggerFactory.getLogger(StatusDecisionRepair.class);
    private static final Duration GRACE = Duration.ofMinutes(1);
    static final String LEASE = "member-service.status-decision-repair";

    private final MongoTemplate mongo;
    private final StatusDecisionService decisions;
    private final LeaseLock leases;

    StatusDecisionRepair(MongoTemplate mongo, StatusDecisionService decisions, LeaseLock leases) {
        this.mongo = mongo;
        this.decisions = decisions;
        this.leases = leases;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void completeInterruptedOnOneReplica() {
        leases.runExclusively(LEASE, Duration.ofSeconds(50), this::completeInterrupted);
    }

    /** @return how many decisions it completed */
    int completeInterrupted() {
        Query pending = Query.query(Criteria.where("memberChange").is(StatusDecision.MemberChange.PENDING.name())
                .and("recordedAt").lt(Instant.now().minus(GRACE))).with(Sort.by("recordedAt"));
        pending.fields().include("_id", "memberId");
        int completed = 0;
        // Oldest first: of two interrupted decisions ending the same membership the older one wins.
        for (Document decision : mongo.find(pending, Document.class, StatusDecision.COLLECTION)) {
            String id = decision.getString("_id");
            try {
                if (decisions.complete(id)) {
                    completed++;
                    log.warn("completed status decision {}: member {} changed after an interrupted decision", id,
                            decision.getString("memberId"));
                }
            } catch (RuntimeException e) {
                log.error("status decision {} is recorded but its member could not be changed yet: {}", id, e.toString());
            }
        }
        return completed;
    }
}
