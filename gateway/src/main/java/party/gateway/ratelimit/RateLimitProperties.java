package party.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-principal rate limit ({@code party.gateway.rate-limit.*}).
 *
 * @param enabled           off only for load tests that measure the services themselves
 * @param requestsPerSecond sustained rate per key
 * @param burst             requests a key may send at once after being idle
 * @param maxKeys           bound on remembered keys, so a flood of client addresses cannot exhaust memory
 */
@ConfigurationProperties("party.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") double requestsPerSecond,
        @DefaultValue("100") int burst,
        @DefaultValue("100000") int maxKeys) {

    public RateLimitProperties {
        if (requestsPerSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException(
                    "party.gateway.rate-limit needs requests-per-second > 0, burst >= 1 and max-keys >= 1");
        }
    }
}
