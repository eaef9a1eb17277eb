package party.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens the wrapped decoder has verified (signature, issuer, audience, timestamps), by
 * their exact text, until they expire: a member's player sends the same token with every
 * heartbeat, and the RSA signature check and claim parsing were CPU per request. Expiry and
 * not-before are checked again on every use of a remembered token (the same validator and clock
 * skew as the wrapped decoder's), so no token is accepted longer than without the cache; one that
 * fails there is forgotten and handed to the wrapped decoder, which rejects it with its usual
 * error. Bounded: beyond {@code maxEntries} the expired entries go, then a quarter of the rest
 * (whichever the map yields first). Dropping all at once made more live tokens than the bound
 * (10,001 players on a 10,000 cache) verify nearly every request again.
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final int maxEntries;
    private final Clock clock;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.clock = clock;
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!timestamps.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= maxEntries) {
            Instant now = clock.instant();
            for (Iterator<Jwt> it = verified.values().iterator(); it.hasNext(); ) {
                Instant expiresAt = it.next().getExpiresAt();
                if (expiresAt == null || !expiresAt.isAfter(now)) {
                    it.remove();
                }
            }
            int excess = verified.size() - maxEntries * 3 / 4;
            for (Iterator<Jwt> it = verified.values().iterator(); excess > 0 && it.hasNext(); excess--) {
                it.next();
                it.remove();
            }
        }
        verified.put(token, jwt);
    }
}
