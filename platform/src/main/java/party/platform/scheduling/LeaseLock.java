package party.platform.scheduling;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Lets one replica of a service run a scheduled job per period: every replica's scheduler fires,
 * the first to take the job's lease in MongoDB runs it, the others skip.
 *
 * <p>A lease is one document per job in {@code job_leases}: {@code _id} = job name, {@code owner},
 * {@code until}, {@code runs}. Taking it is one conditional update (free when expired), or the
 * insert of the job's first lease, so two replicas cannot both win: the loser either misses the
 * condition or collides on {@code _id}. The
 * lease is NOT released when the job ends: it runs out by itself, so a replica whose scheduler
 * fires a little later in the same period finds it taken instead of running the job again. Choose
 * a lease shorter than the job's period and longer than the replicas' clock skew.
 */
public class LeaseLock {

    static final String COLLECTION = "job_leases";
    private static final Logger log = LoggerFactory.getLogger(LeaseLock.class);

    private final MongoTemplate mongo;
    private final String owner;

    public LeaseLock(MongoTemplate mongo) {
        this(mongo, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    LeaseLock(MongoTemplate mongo, String owner) {
        this.mongo = mongo;
        this.owner = owner;
    }

    /** This replica's name in the leases it holds. */
    public String owner() {
        return owner;
    }

    /** Takes the job's lease for {@code duration} if it is free (never taken, or expired). */
    public boolean tryAcquire(String job, Duration duration) {
        Instant now = Instant.now();
        // Free only once expired, also for its owner: a job runs at most once per lease.
        Query free = Query.query(Criteria.where("_id").is(job).and("until").lt(now));
        Update take = new Update().set("owner", owner).set("until", now.plus(duration)).set("acquiredAt", now).inc("runs", 1);
        // An existing lease is taken by one conditional update: of two replicas only one matches.
        Document lease = mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (lease != null) {
            return owner.equals(lease.getString("owner"));
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(job)), COLLECTION)) {
            return false; // another replica's, not expired
        }
        // The job's first lease: of two replicas creating it at once, the second collides on _id.
        try {
            mongo.insert(new Document("_id", job).append("owner", owner).append("until", now.plus(duration))
                    .append("acquiredAt", now).append("runs", 1), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * Runs the job here if this replica takes its lease.
     *
     * @return whether it ran here
     */
    public boolean runExclusively(String job, Duration lease, Runnable task) {
        if (!tryAcquire(job, lease)) {
            log.debug("job {} skipped: another replica holds its lease", job);
            return false;
        }
        task.run();
        return true;
    }
}
