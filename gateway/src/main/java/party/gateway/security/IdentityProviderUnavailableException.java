package party.gateway.security;

import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The token could not be checked because the identity provider's keys could not be fetched.
 * Not the client's fault, so it must not become a 401 (which would send users to sign in
 * again): it is answered as 503 naming the identity provider.
 */
public class IdentityProviderUnavailableException extends JwtException {

    /** The name reported in the {@code service} member of the 503 Problem Details. */
    public static final String SERVICE = "identity-provider";

    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
