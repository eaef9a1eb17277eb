package party.gateway.resilience;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * Default circuit breaker for every route. Only exceptions count as failures (connection refused,
 * connect/response timeouts); a 4xx or 5xx answer from a healthy service is passed through as it
 * is and counts as a success, because the service did answer.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfig {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerConfig.class);

    /** Room for the client's own timeout to fire and be reported before the time limiter cuts in. */
    static final Duration TIME_LIMIT_MARGIN = Duration.ofSeconds(1);

    /** What the HTTP client waits at most when no response timeout is configured. */
    static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> defaultCircuitBreaker(CircuitBreakerProperties properties,
                                                                               HttpClientProperties httpClient) {
        Duration timeLimit = timeLimit(properties, httpClient);
        log.info("Circuit breakers: time limit {}, failure rate threshold {}%, open for {}",
                timeLimit, properties.failureRateThreshold(), properties.waitDurationInOpenState());
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                        .slidingWindowType(SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(properties.slidingWindowSize())
                        .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                        .failureRateThreshold(properties.failureRateThreshold())
                        .waitDurationInOpenState(properties.waitDurationInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .build())
                // Resilience4j's default of 1 s would cut healthy but slower answers long before
                // the HTTP client's response timeout; keep the limiter behind the client.
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(timeLimit)
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }

    static Duration timeLimit(CircuitBreakerProperties properties, HttpClientProperties httpClient) {
        if (properties.timeLimit() != null) {
            return properties.timeLimit();
        }
        Duration connect = httpClient.getConnectTimeout() != null
                ? Duration.ofMillis(httpClient.getConnectTimeout()) : Duration.ofSeconds(1);
        Duration response = httpClient.getResponseTimeout() != null
                ? httpClient.getResponseTimeout() : DEFAULT_RESPONSE_TIMEOUT;
        return connect.plus(response).plus(TIME_LIMIT_MARGIN);
    }
}
