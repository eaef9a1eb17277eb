package party.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * The JWT decoder, built from Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * properties. Boot's own decoder drops the issuer check when keys come from
 * {@code public-key-location} (and fetches discovery when only {@code issuer-uri} is set); this
 * one always validates issuer, audience and expiry, whichever key source is configured.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfig {

    /** A JWKS fetch must not hold requests for the operating system's connect timeout. */
    static final int JWKS_CONNECT_TIMEOUT_MILLIS = 2_000;
    static final Duration JWKS_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
                                  @Value("${party.gateway.jwt-cache-size:20000}") int cacheSize) {
        ReactiveJwtDecoder verifying = verifyingDecoder(properties);
        // A verified token is remembered until it expires (timestamps still checked on every use).
        return cacheSize > 0 ? new CachingReactiveJwtDecoder(verifying, cacheSize, Clock.systemUTC()) : verifying;
    }

    static ReactiveJwtDecoder verifyingDecoder(OAuth2ResourceServerProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusReactiveJwtDecoder decoder;
        if (StringUtils.hasText(jwt.getJwkSetUri())) {
            // Keys are fetched on the first token, not at start-up, and refreshed on rotation.
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .webClient(jwksClient())
                    .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms()
                            .forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                    .build();
        }
        else if (jwt.getPublicKeyLocation() != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(jwt.getPublicKeyLocation()))
                    .signatureAlgorithm(SignatureAlgorithm.from(jwt.getJwsAlgorithms().getFirst()))
                    .build();
        }
        else {
            throw new IllegalStateException("Set spring.security.oauth2.resourceserver.jwt.jwk-set-uri "
                    + "(or public-key-location): the gateway never runs without token validation");
        }
        decoder.setJwtValidator(validator(jwt));
        // Failures that are not about the token itself (keys unreachable) surface as a
        // JwtException of their own, so they are answered 503 instead of 500 or 401.
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                failure -> new IdentityProviderUnavailableException("Cannot obtain the token signing keys", failure));
    }

    private static WebClient jwksClient() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, JWKS_CONNECT_TIMEOUT_MILLIS)
                .responseTimeout(JWKS_RESPONSE_TIMEOUT);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt) {
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            throw new IllegalStateException("Set spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        List<String> audiences = jwt.getAudiences();
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("Set spring.security.oauth2.resourceserver.jwt.audiences");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // Timestamps (exp, nbf with the default clock skew) and the exact issuer.
        validators.add(JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()));
        validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && !Collections.disjoint(aud, audiences)));
        // A token must say who it is for: sub keys the rate limit and every service's audit.
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey readPublicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
        catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("Cannot read the RSA public key at " + location, ex);
        }
    }
}
