package party.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * Remembers tokens the wrapped decoder has verified (signature, issuer, audience, timestamps), by
 * their exact text, until they expire: a member's player sends the same token with every
 * heartbeat, and verifying its RSA signature and parsing its claims again each time was CPU per
 * request. Expiry and not-before are checked again on every use of a remembered token (the same
 * validator, with its clock skew), so a token is never accepted longer than without the cache;
 * a token that fails there is forgotten and handed to the wrapped decoder, which rejects it with
 * its usual error. Bounded: beyond {@code maxEntries} the expired entries go, then a quarter of the
 * rest (whichever the map yields first). Dropping all at once made more live tokens than the bound
 * (10,001 players on a 10,000 cache) verify nearly every request again.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final int maxEntries;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, int maxEntries) {
        this(delegate, maxEntries, Clock.systemUTC());
    }

    CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.clock = clock;
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!timestamps.validate(known).hasErrors()) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            // Only tokens that expire: one without exp would otherwise stay for the process's life.
            if (verified.size() >= maxEntries) {
                evict();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void evict() {
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
}
