package party.standalone.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the standalone authorization server, under {@code party.auth} in {@code auth-server.yml}.
 *
 * @param issuer the issuer URI written into tokens and published in the metadata
 * @param keyFile where the token signing key (JWK) is kept
 * @param portalRedirectUris redirect URIs the {@code party-portal} client may use
 * @param corsOrigins browser origins allowed to call the token and key endpoints (Swagger UI)
 * @param accessTokenTtl lifetime of access tokens
 */
@ConfigurationProperties("party.auth")
public record AuthServerProperties(String issuer, Path keyFile, List<String> portalRedirectUris, List<String> corsOrigins,
                                   Duration accessTokenTtl) {

    public AuthServerProperties {
        issuer = issuer == null ? "http://localhost:9000" : issuer;
        keyFile = keyFile == null ? Path.of("data", "auth", "signing-key.json") : keyFile;
        portalRedirectUris = portalRedirectUris == null ? List.of() : List.copyOf(portalRedirectUris);
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(1) : accessTokenTtl;
    }
}
