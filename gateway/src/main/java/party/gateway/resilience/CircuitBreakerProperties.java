package party.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for every route's circuit breaker ({@code party.gateway.circuit-breaker.*}).
 * A single service can still be tuned with {@code resilience4j.circuitbreaker.instances.<route-id>.*}.
 *
 * @param timeLimit overall limit of one proxied exchange; when unset it is derived from the HTTP
 *                  client's connect and response timeouts so that those fire first
 */
@ConfigurationProperties("party.gateway.circuit-breaker")
public record CircuitBreakerProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitDurationInOpenState,
        @DefaultValue("3") int permittedCallsInHalfOpenState,
        Duration timeLimit) {
}
