package party.standalone;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the authorization server the way real clients do: client credentials
 * for a confidential client, and for a user the authorization-code flow with PKCE through the
 * login form (a cookie-keeping HTTP client plays the browser).
 */
public final class TokenClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI issuer;

    public TokenClient(URI issuer) {
        this.issuer = issuer;
    }

    /** An access token of a confidential client (client credentials grant). */
    public String clientCredentials(String clientId, String secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(10))
                .build();
        return accessToken(send(http, request), "client credentials for " + clientId);
    }

    /**
     * An access token of {@code username}, by the authorization-code flow with PKCE: authorize,
     * log in through the form, catch the code at the redirect URI, exchange it for the token.
     *
     * @throws IllegalArgumentException if the user name or password is wrong
     */
    public String authorizationCode(String clientId, String redirectUri, String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = random(32);
        String state = random(16);
        URI authorize = issuer.resolve("/oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", clientId,
                "redirect_uri", redirectUri,
                "scope", "openid",
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")));

        HttpResponse<String> toLogin = send(http, browserGet(authorize));
        URI loginPage = location(toLogin, authorize, "authorization request");
        HttpResponse<String> page = send(http, browserGet(loginPage));
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("no login form at " + loginPage + " (HTTP " + page.statusCode() + ")");
        }
        HttpResponse<String> loggedIn = send(http, HttpRequest.newBuilder(issuer.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username,
                        "password", password,
                        "_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2)))))
                .timeout(Duration.ofSeconds(10))
                .build());
        URI continueAt = location(loggedIn, loginPage, "login");
        if (continueAt.getQuery() != null && continueAt.getQuery().contains("error")) {
            throw new IllegalArgumentException("login failed for user '" + username + "': bad user name or password");
        }
        HttpResponse<String> redirect = send(http, browserGet(continueAt));
        URI callback = location(redirect, continueAt, "authorization after login");
        Map<String, String> params = query(callback);
        if (!params.containsKey("code")) {
            throw new IllegalStateException("no authorization code in " + callback);
        }
        if (!state.equals(params.get("state"))) {
            throw new IllegalStateException("state mismatch in " + callback);
        }
        HttpRequest exchange = HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", params.get("code"),
                        "redirect_uri", redirectUri,
                        "client_id", clientId,
                        "code_verifier", verifier))))
                .timeout(Duration.ofSeconds(10))
                .build();
        return accessToken(send(http, exchange), "code exchange for " + username);
    }

    private static HttpRequest browserGet(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("authorization server unreachable at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static URI location(HttpResponse<String> response, URI base, String step) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() / 100 != 3 || location == null) {
            throw new IllegalStateException(step + " answered HTTP " + response.statusCode() + " without a redirect: " + response.body());
        }
        return base.resolve(location);
    }

    private static String accessToken(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).get("access_token");
        if (token == null) {
            throw new IllegalStateException(what + ": no access_token in " + response.body());
        }
        return token.asString();
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
