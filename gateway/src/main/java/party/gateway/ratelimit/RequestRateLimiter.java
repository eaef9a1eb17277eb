package party.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Decides whether one more request of a key (a principal or a client address) may pass.
 * Reactive so that a shared store (Redis, for several gateway replicas) can replace the
 * in-memory implementation without touching the filter.
 */
public interface RequestRateLimiter {

    Mono<Decision> tryAcquire(String key);

    /** The answer for one request; {@code retryAfter} is meaningful only when refused. */
    record Decision(boolean allowed, Duration retryAfter) {

        public static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }

        public static Decision refuse(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }
    }
}
