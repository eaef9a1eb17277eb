package party.member.transfer;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import party.platform.scheduling.LeaseLock;

/**
 * Completes accepted transfers whose member has not moved: the accept writes the letter, then the
 * member, then a note on the letter ({@code memberMovedAt}); a crash or a failed write between
 * them leaves the letter ACCEPTED without the note. Every minute this finds such letters decided
 * more than a minute ago and moves their members. One replica runs it at a time (a lease); were
 * two to overlap, moving is idempotent and the member's version makes a concurrent move retry and
 * find it done.
 */
@Component
class TransferRepair {

    private static final Logger log = LoggerFactory.getLogger(TransferRepair.class);
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final TransferService transfers;
    private final LeaseLock leases;

    TransferRepair(MongoTemplate mongo, TransferService transfers, LeaseLock leases) {
        this.mongo = mongo;
        this.transfers = transfers;
        this.leases = leases;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void completeInterruptedOnOneReplica() {
        leases.runExclusively("member-service.transfer-repair", Duration.ofSeconds(50), this::completeInterrupted);
    }

    /** @return how many transfers it completed */
    int completeInterrupted() {
        Query unfinished = Query.query(Criteria.where("state").is(TransferState.ACCEPTED).and("memberMovedAt").is(null)
                .and("decidedAt").lt(Instant.now().minus(GRACE)));
        int completed = 0;
        for (Transfer transfer : mongo.find(unfinished, Transfer.class)) {
            try {
                transfers.moveMember(transfer, transfer.getDecidedOn());
                completed++;
                log.warn("completed transfer {}: member {} moved after an interrupted acceptance", transfer.getId(),
                        transfer.getMemberId());
            } catch (RuntimeException e) {
                log.error("transfer {} is accepted but its member could not be moved yet: {}", transfer.getId(), e.toString());
            }
        }
        return completed;
    }
}
