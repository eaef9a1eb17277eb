package party.gateway.ratelimit;

import java.time.Duration;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The per-principal limit kept in Redis by Spring Cloud Gateway's {@link RedisRateLimiter} (its
 * token-bucket script), so that all gateway replicas share one budget per principal. When Redis
 * cannot be reached, Spring Cloud Gateway's limiter lets the request pass: an outage of the
 * limiter's store must not take the API down.
 */
final class RedisRequestRateLimiter implements RequestRateLimiter {

    /** The configuration id under which the Redis limiter keeps this gateway's one limit. */
    static final String LIMIT_ID = "party-gateway";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RedisRateLimiter redis;

    RedisRequestRateLimiter(RedisRateLimiter redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Decision> tryAcquire(String key) {
        return redis.isAllowed(LIMIT_ID, key)
                .map(response -> response.isAllowed() ? Decision.allow() : Decision.refuse(RETRY_AFTER));
    }
}
