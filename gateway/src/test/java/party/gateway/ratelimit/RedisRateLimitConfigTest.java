package party.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.util.ReflectionTestUtils;
import party.gateway.problem.ProblemResponder;
import reactor.core.publisher.Mono;

/** The profile redis-rate-limit switches the limiter to Redis; without it the in-memory limiter stays. */
class RedisRateLimitConfigTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, RateLimitConfig.class, RedisRateLimitConfig.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Infrastructure {
        @Bean
        ProblemResponder problemResponder() {
            return new ProblemResponder();
        }

        /** What Boot's Redis auto-configuration gives the gateway; never connected here (Lettuce connects lazily). */
        @Bean
        ReactiveStringRedisTemplate reactiveStringRedisTemplate() {
            return new ReactiveStringRedisTemplate(new LettuceConnectionFactory());
        }

        /** What Spring Cloud Gateway's Redis auto-configuration gives: the token-bucket script. */
        @Bean
        RedisScript<List<Long>> redisRequestRateLimiterScript() {
            @SuppressWarnings({"unchecked", "rawtypes"})
            RedisScript<List<Long>> script = (RedisScript) RedisScript.of(
                    new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);
            return script;
        }
    }

    @Test
    void withoutTheProfileTheLimitStaysInMemory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RequestRateLimiter.class);
            assertThat(context.getBean(RequestRateLimiter.class)).isInstanceOf(InMemoryTokenBucketRateLimiter.class);
            assertThat(context).doesNotHaveBean(RedisRateLimiter.class);
        });
    }

    @Test
    void theProfileSwitchesToSpringCloudGatewaysRedisLimiterWithTheConfiguredRates() {
        runner.withPropertyValues("spring.profiles.active=redis-rate-limit", "party.gateway.rate-limit.requests-per-second=7.5",
                "party.gateway.rate-limit.burst=30").run(context -> {
            assertThat(context).hasSingleBean(RateLimitGlobalFilter.class);
            assertThat(context.getBean(RequestRateLimiter.class)).isInstanceOf(RedisRequestRateLimiter.class);
            RedisRateLimiter.Config limit = (RedisRateLimiter.Config) ReflectionTestUtils.getField(
                    context.getBean(RedisRateLimiter.class), "defaultConfig");
            assertThat(limit.getReplenishRate()).isEqualTo(8);
            assertThat(limit.getBurstCapacity()).isEqualTo(30);
            assertThat(limit.getRequestedTokens()).isEqualTo(1);
        });
    }

    @Test
    void aRefusalOfTheRedisLimiterIsARefusalWithRetryAfter() {
        RedisRateLimiter refusing = new RedisRateLimiter(1, 1, 1) {
            @Override
            public Mono<RateLimiter.Response> isAllowed(String routeId, String id) {
                assertThat(routeId).isEqualTo(RedisRequestRateLimiter.LIMIT_ID);
                return Mono.just(new RateLimiter.Response(!id.equals("greedy"), Map.of()));
            }
        };
        RedisRequestRateLimiter limiter = new RedisRequestRateLimiter(refusing);
        RequestRateLimiter.Decision refused = limiter.tryAcquire("greedy").block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive();
        assertThat(limiter.tryAcquire("modest").block().allowed()).isTrue();
    }
}
