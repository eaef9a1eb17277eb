package party.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/** The production key source: keys from a JWKS endpoint (a real HTTP server here). */
class JwtDecoderConfigTest {

    private static final String ISSUER = "http://localhost:9000";
    private static KeyPair keys;
    private static HttpServer jwks;

    @BeforeAll
    static void startJwksEndpoint() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        byte[] jwkSet = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("k1").build())
                .toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwkSet.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwkSet);
            }
        });
        jwks.start();
    }

    @AfterAll
    static void stopJwksEndpoint() {
        jwks.stop(0);
    }

    @Test
    void validatesSignatureByJwksIssuerAudienceAndExpiry() {
        ReactiveJwtDecoder decoder = decoder("http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks");

        Jwt jwt = decoder.decode(token(c -> { })).block(Duration.ofSeconds(10));
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SECRETARY");

        assertThatThrownBy(() -> decoder.decode(token(c -> c.audience(List.of("other")))).block())
                .isInstanceOf(BadJwtException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token(c -> c.issuer("http://elsewhere"))).block())
                .isInstanceOf(BadJwtException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(token(c -> c.expiresAt(Instant.now().minusSeconds(120)))).block())
                .isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    }

    @Test
    void unreachableKeysAreTheIdentityProvidersFaultNotTheTokens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReactiveJwtDecoder decoder = decoder("http://127.0.0.1:" + closedPort + "/oauth2/jwks");
        assertThatThrownBy(() -> decoder.decode(token(c -> { })).block(Duration.ofSeconds(10)))
                .isInstanceOf(IdentityProviderUnavailableException.class);
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() {
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder verifying = JwtDecoderConfig.verifyingDecoder(
                properties("http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks"));
        MovingClock clock = new MovingClock();
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(token -> {
            verifications.incrementAndGet();
            return verifying.decode(token);
        }, 100, clock);
        String token = token(c -> c.expiresAt(clock.now.plusSeconds(300)));

        Jwt first = decoder.decode(token).block(Duration.ofSeconds(10));
        assertThat(decoder.decode(token).block()).isSameAs(first);
        assertThat(verifications).hasValue(1);

        // Past expiry plus the clock skew by the cache's clock: verified again, never answered from memory.
        clock.now = clock.now.plusSeconds(300 + 61);
        decoder.decode(token).onErrorComplete().block(Duration.ofSeconds(10));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void oneTokenMoreThanTheBoundDoesNotEmptyTheCache() {
        AtomicInteger verifications = new AtomicInteger();
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(token -> {
            verifications.incrementAndGet();
            return reactor.core.publisher.Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                    .issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(300)).build());
        }, 100, clock);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i <= 100; i++) {
                decoder.decode("t" + i).block();
            }
        }
        // 101 players on a cache of 100: a quarter is verified again now and then, not every token every round.
        assertThat(decoder.size()).isBetween(75, 100);
        assertThat(verifications.get()).isLessThan(101 + 2 * 60);
    }

    private static final class MovingClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static OAuth2ResourceServerProperties properties(String jwkSetUri) {
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setJwkSetUri(jwkSetUri);
        properties.getJwt().setIssuerUri(ISSUER);
        properties.getJwt().setAudiences(List.of("party-api"));
        return properties;
    }

    private static ReactiveJwtDecoder decoder(String jwkSetUri) {
        return new JwtDecoderConfig().jwtDecoder(properties(jwkSetUri), 10_000);
    }

    private static String token(Consumer<JwtClaimsSet.Builder> customizer) {
        JwtEncoder encoder = NimbusJwtEncoder
                .withKeyPair((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
                .jwkPostProcessor(jwk -> jwk.keyID("k1"))
                .build();
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of("party-api"))
                .subject("alice")
                .issuedAt(now.minusSeconds(600))
                .expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("SECRETARY"));
        customizer.accept(claims);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("k1").build(),
                claims.build())).getTokenValue();
    }
}
