package party.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Profile {@code redis-rate-limit} (Kubernetes, compose): the limit lives in Redis, shared by all
 * gateway replicas. Without the profile the in-memory limiter of {@link RateLimitConfig} stays,
 * as in standalone, whose classpath does not even carry the Redis client (optional dependency).
 */
@Configuration(proxyBeanMethods = false)
@Profile("redis-rate-limit")
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@ConditionalOnBooleanProperty(name = "party.gateway.rate-limit.enabled", matchIfMissing = true)
class RedisRateLimitConfig {

    /** Spring Cloud Gateway's limiter; it finds its Redis template and script in the context. */
    @Bean
    RedisRateLimiter partyRedisRateLimiter(RateLimitProperties properties) {
        int replenishPerSecond = (int) Math.max(1, Math.ceil(properties.requestsPerSecond()));
        RedisRateLimiter limiter = new RedisRateLimiter(replenishPerSecond, properties.burst(), 1);
        // The gateway answers 429 as Problem Details itself; the limiter's X-RateLimit-* headers are not relayed.
        limiter.setIncludeHeaders(false);
        return limiter;
    }

    /** Takes the place of the in-memory limiter, which is only a fallback bean. */
    @Bean
    RequestRateLimiter redisRequestRateLimiter(RedisRateLimiter partyRedisRateLimiter) {
        return new RedisRequestRateLimiter(partyRedisRateLimiter);
    }
}
