package party.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import party.platform.test.TestMongo;

/** Two replicas (two LeaseLocks, one database) never both run a job in the same lease. */
class LeaseLockTest {

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri("leases"));
        mongo = new MongoTemplate(client, "leases-" + UUID.randomUUID());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void ofTwoReplicasFiringTogetherExactlyOneRunsTheJob() throws Exception {
        LeaseLock a = new LeaseLock(mongo, "replica-a");
        LeaseLock b = new LeaseLock(mongo, "replica-b");
        AtomicInteger runsOnA = new AtomicInteger();
        AtomicInteger runsOnB = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean onA = i % 2 == 0;
                Callable<Boolean> fire = () -> {
                    start.await();
                    return (onA ? a : b).runExclusively("job", Duration.ofMinutes(1),
                            (onA ? runsOnA : runsOnB)::incrementAndGet);
                };
                results.add(pool.submit(fire));
            }
            start.countDown();
            long ran = 0;
            for (Future<Boolean> result : results) {
                ran += result.get() ? 1 : 0;
            }
            Document lease = mongo.findById("job", Document.class, LeaseLock.COLLECTION);
            assertThat(lease).isNotNull();
            assertThat(lease.getString("owner")).isIn("replica-a", "replica-b");
            assertThat(runsOnA.get() + runsOnB.get()).isEqualTo((int) ran).isEqualTo(lease.getInteger("runs"));
            assertThat(ran).isEqualTo(1);
            assertThat(lease.getString("owner").equals("replica-a") ? runsOnA.get() : runsOnB.get()).isEqualTo(1);
            // Not even the owner takes it again before it expires.
            assertThat(a.tryAcquire("job", Duration.ofMinutes(1))).isFalse();
            assertThat(b.tryAcquire("job", Duration.ofMinutes(1))).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredLeaseGoesToWhoeverAsksNext() throws InterruptedException {
        LeaseLock a = new LeaseLock(mongo, "replica-a");
        LeaseLock b = new LeaseLock(mongo, "replica-b");
        assertThat(a.tryAcquire("short", Duration.ofMillis(200))).isTrue();
        assertThat(b.tryAcquire("short", Duration.ofMillis(200))).isFalse();
        Thread.sleep(300);
        assertThat(b.tryAcquire("short", Duration.ofMinutes(1))).isTrue();
        assertThat(a.tryAcquire("short", Duration.ofMinutes(1))).isFalse();
        assertThat(mongo.findById("short", Document.class, LeaseLock.COLLECTION).getString("owner")).isEqualTo("replica-b");
    }

    @Test
    void leasesOfDifferentJobsAreIndependent() {
        LeaseLock a = new LeaseLock(mongo, "replica-a");
        LeaseLock b = new LeaseLock(mongo, "replica-b");
        assertThat(a.tryAcquire("one", Duration.ofMinutes(1))).isTrue();
        assertThat(b.tryAcquire("two", Duration.ofMinutes(1))).isTrue();
    }
}
