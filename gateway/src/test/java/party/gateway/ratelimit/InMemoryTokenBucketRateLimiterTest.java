package party.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import party.gateway.ratelimit.RequestRateLimiter.Decision;

class InMemoryTokenBucketRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void allowsTheBurstThenRefusesWithTheTimeToTheNextToken() {
        var limiter = new InMemoryTokenBucketRateLimiter(2, 3, 100, clock::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("alice").allowed()).isTrue();
        }
        Decision refused = limiter.acquire("alice");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));

        clock.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.acquire("alice").allowed()).isTrue();
        assertThat(limiter.acquire("alice").allowed()).isFalse();
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        var limiter = new InMemoryTokenBucketRateLimiter(1, 1, 100, clock::get);
        assertThat(limiter.acquire("alice").allowed()).isTrue();
        assertThat(limiter.acquire("alice").allowed()).isFalse();
        assertThat(limiter.acquire("bob").allowed()).isTrue();
    }

    @Test
    void refillNeverExceedsTheBurst() {
        var limiter = new InMemoryTokenBucketRateLimiter(10, 2, 100, clock::get);
        limiter.acquire("alice");
        clock.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(limiter.acquire("alice").allowed()).isTrue();
        assertThat(limiter.acquire("alice").allowed()).isTrue();
        assertThat(limiter.acquire("alice").allowed()).isFalse();
    }

    @Test
    void remembersAtMostMaxKeys() {
        var limiter = new InMemoryTokenBucketRateLimiter(1, 1, 50, clock::get);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("client-" + i);
            assertThat(limiter.size()).isLessThanOrEqualTo(50);
        }
    }

    @Test
    void forgetsIdleKeysFirst() {
        var limiter = new InMemoryTokenBucketRateLimiter(1, 1, 2, clock::get);
        limiter.acquire("idle");
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        limiter.acquire("busy");
        assertThat(limiter.acquire("busy").allowed()).isFalse();
        limiter.acquire("newcomer");
        // "busy" was not idle, so it keeps its empty bucket.
        assertThat(limiter.acquire("busy").allowed()).isFalse();
    }
}
