package party.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header, with the rules of Spring Security's
 * {@code DefaultBearerTokenResolver} (RFC 6750's b64token: letters, digits, {@code -._~+/}, then
 * {@code =} padding; a malformed one is an invalid_token; one in the query beside it is an
 * invalid_request) but checked by a loop: its regular expression over a kilobyte of token was a
 * twentieth of a service's CPU per heartbeat. (The gateway's {@code BearerTokenConverter} is the
 * same check for WebFlux; the gateway does not build on this platform.)
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String BEARER = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || !isB64Token(header, BEARER.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        String query = request.getQueryString();
        if (query != null && query.contains("access_token=")) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Found multiple bearer tokens in the request"));
        }
        return header.substring(BEARER.length());
    }

    /** RFC 6750, section 2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String s, int from) {
        int i = from;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
