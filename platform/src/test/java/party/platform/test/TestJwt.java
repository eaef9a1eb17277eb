package party.platform.test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real token issuer for integration tests: an RSA key, its JWKS served over HTTP, and signed
 * JWTs. Services validate these exactly as they validate the authorization server's tokens
 * (same properties, same code path); there is no auth bypass.
 */
public final class TestJwt {

    public static final String ISSUER = "http://test-issuer.local";
    public static final String AUDIENCE = "party-api";

    private static TestJwt instance;

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final String jwksUri;

    private TestJwt() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test-key").build();
            encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized TestJwt get() {
        if (instance == null) {
            instance = new TestJwt();
        }
        return instance;
    }

    /** Points a service's resource-server settings at this issuer. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwksUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    /** A bearer token for a user with roles, managed org subtrees and permissions. */
    public String token(String subject, Collection<String> roles, Collection<String> orgScopes, Collection<String> permissions) {
        return token(subject, roles, orgScopes, permissions, AUDIENCE, Duration.ofMinutes(10));
    }

    /** A bearer token for a member's own account: role MEMBER, the {@code member_id} claim, no managed subtree. */
    public String memberToken(String memberId) {
        return token("member-" + memberId, List.of("MEMBER"), List.of(), List.of(), AUDIENCE, Duration.ofMinutes(10),
                Map.of("member_id", memberId));
    }

    public String token(String subject, Collection<String> roles, Collection<String> orgScopes,
                        Collection<String> permissions, String audience, Duration validFor) {
        return token(subject, roles, orgScopes, permissions, audience, validFor, Map.of());
    }

    public String token(String subject, Collection<String> roles, Collection<String> orgScopes,
                        Collection<String> permissions, String audience, Duration validFor, Map<String, Object> extraClaims) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER).subject(subject).audience(List.of(audience))
                .issuedAt(now.plus(validFor).minusSeconds(60).isBefore(now) ? now.plus(validFor).minusSeconds(60) : now.minusSeconds(1))
                .expiresAt(now.plus(validFor))
                .claims(c -> c.putAll(Map.of("roles", List.copyOf(roles), "org_scopes", List.copyOf(orgScopes),
                        "permissions", List.copyOf(permissions))))
                .claims(c -> c.putAll(extraClaims))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test-key").build(),
                claims)).getTokenValue();
    }
}
