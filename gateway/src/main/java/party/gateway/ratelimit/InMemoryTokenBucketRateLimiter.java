package party.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * A token bucket per key, in this JVM's memory: right for one gateway instance (standalone, a
 * single replica). Several replicas each enforce the limit on their own share of the traffic.
 */
public final class InMemoryTokenBucketRateLimiter implements RequestRateLimiter {

    private final double tokensPerNano;
    private final double capacity;
    private final int maxKeys;
    private final long fullRefillNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock evictionLock = new ReentrantLock();

    public InMemoryTokenBucketRateLimiter(RateLimitProperties properties) {
        this(properties.requestsPerSecond(), properties.burst(), properties.maxKeys(), System::nanoTime);
    }

    InMemoryTokenBucketRateLimiter(double requestsPerSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        this.tokensPerNano = requestsPerSecond / 1e9;
        this.capacity = burst;
        this.maxKeys = maxKeys;
        this.fullRefillNanos = (long) Math.ceil(capacity / tokensPerNano);
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<Decision> tryAcquire(String key) {
        return Mono.fromSupplier(() -> acquire(key));
    }

    Decision acquire(String key) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }
        synchronized (bucket) {
            bucket.refill(now, tokensPerNano, capacity);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.allow();
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return Decision.refuse(Duration.ofNanos(waitNanos));
        }
    }

    int size() {
        return buckets.size();
    }

    /**
     * Forgets keys idle long enough to be full again (forgetting them changes nothing). If the
     * map is still full, arbitrary keys go too: such a key starts over with a full bucket, which
     * errs on the side of letting traffic through rather than refusing unknown clients.
     */
    private void evict(long now) {
        if (!evictionLock.tryLock()) {
            return;
        }
        try {
            buckets.entrySet().removeIf(entry -> entry.getValue().idleSince(now) >= fullRefillNanos);
            int target = Math.max(0, maxKeys - Math.max(1, maxKeys / 10));
            Iterator<String> keys = buckets.keySet().iterator();
            while (buckets.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
        finally {
            evictionLock.unlock();
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        void refill(long now, double tokensPerNano, double capacity) {
            long elapsed = now - updatedAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                updatedAt = now;
            }
        }

        synchronized long idleSince(long now) {
            return now - updatedAt;
        }
    }
}
