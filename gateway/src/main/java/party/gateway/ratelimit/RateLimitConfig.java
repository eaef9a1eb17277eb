package party.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

import party.gateway.problem.ProblemResponder;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "party.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig {

    /** In memory unless a shared implementation (e.g. Redis) is declared as another bean. */
    @Bean
    @Fallback
    RequestRateLimiter requestRateLimiter(RateLimitProperties properties) {
        return new InMemoryTokenBucketRateLimiter(properties);
    }

    @Bean
    RateLimitGlobalFilter rateLimitGlobalFilter(RequestRateLimiter limiter, ProblemResponder problems) {
        return new RateLimitGlobalFilter(limiter, problems);
    }
}
