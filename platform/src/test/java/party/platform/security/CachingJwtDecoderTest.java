package party.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** A decoder standing for the verifying one: counts its calls, rejects what is expired at the clock's time. */
    private static final class CountingDecoder implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();
        Clock clock;

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            Instant expiresAt = NOW.plusSeconds(Long.parseLong(token.substring(token.indexOf(':') + 1)));
            if (!expiresAt.plus(Duration.ofSeconds(60)).isAfter(clock.instant())) {
                throw new BadJwtException("Jwt expired at " + expiresAt);
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(NOW)
                    .notBefore(NOW).expiresAt(expiresAt).build();
        }
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        CountingDecoder verifying = new CountingDecoder();
        verifying.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, verifying.clock);

        Jwt first = decoder.decode("a:300");
        assertThat(decoder.decode("a:300")).isSameAs(first);
        assertThat(decoder.decode("a:300")).isSameAs(first);
        assertThat(verifying.calls).hasValue(1);
        decoder.decode("b:300");
        assertThat(verifying.calls).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRejectedOnceExpired() {
        MovingClock clock = new MovingClock();
        CountingDecoder verifying = new CountingDecoder();
        verifying.clock = clock;
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, clock);
        decoder.decode("a:300");
        clock.now = NOW.plusSeconds(300 + 30);
        assertThat(decoder.decode("a:300").getSubject()).as("within the clock skew").isEqualTo("a:300");
        assertThat(verifying.calls).hasValue(1);

        clock.now = NOW.plusSeconds(300 + 61);
        assertThatThrownBy(() -> decoder.decode("a:300")).isInstanceOf(BadJwtException.class);
        assertThat(verifying.calls).as("handed back to the verifying decoder").hasValue(2);
    }

    private static final class MovingClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void staysWithinItsBound() {
        CountingDecoder verifying = new CountingDecoder();
        verifying.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 10, verifying.clock);
        for (int i = 0; i < 25; i++) {
            decoder.decode("t" + i + ":300");
        }
        assertThat(decoder.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void oneTokenMoreThanTheBoundDoesNotEmptyTheCache() {
        CountingDecoder verifying = new CountingDecoder();
        verifying.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, verifying.clock);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i <= 100; i++) {
                decoder.decode("t" + i + ":300");
            }
        }
        // 101 players on a cache of 100: a quarter is verified again now and then, not every token every round.
        assertThat(decoder.size()).isBetween(75, 100);
        assertThat(verifying.calls.get()).isLessThan(101 + 2 * 60);
    }
}
