package party.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway end to end: a real server on a random port, real downstream HTTP services, real
 * RSA-signed tokens. One Spring context serves every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway",
        // Keys from a PEM file instead of a JWKS endpoint; issuer and audience stay validated.
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + GatewayApplicationTest.ISSUER,
        "spring.security.oauth2.resourceserver.jwt.audiences=party-api",
        // Short enough for the timeout test, long enough to prove the time limiter waits for it.
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
        // Small limits so the rate-limit test trips quickly; every other test uses a fresh subject.
        "party.gateway.rate-limit.requests-per-second=2",
        "party.gateway.rate-limit.burst=5",
})
class GatewayApplicationTest {

    static final String ISSUER = "https://issuer.party.test";
    private static final String TRACEPARENT_FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";
    private static final List<String> SERVICES =
            List.of("organization-service", "member-service", "assessment-service", "training-service");

    private static final KeyPair KEYS = rsaKeyPair();
    private static final JwtEncoder ENCODER = encoder(KEYS);
    private static final StubService ORGANIZATION = start("organization-service");
    private static final StubService MEMBER = start("member-service");
    private static final StubService ASSESSMENT = start("assessment-service");
    /** Training is "down": nothing listens on its port. */
    private static final int TRAINING_DOWN_PORT = freePort();
    private static volatile boolean warmedUp;

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        registry.add("ORGANIZATION_SERVICE_URI", ORGANIZATION::uri);
        registry.add("MEMBER_SERVICE_URI", MEMBER::uri);
        registry.add("ASSESSMENT_SERVICE_URI", ASSESSMENT::uri);
        registry.add("TRAINING_SERVICE_URI", () -> "http://127.0.0.1:" + TRAINING_DOWN_PORT);
        Path pem = Files.createTempFile("gateway-test-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @AfterAll
    static void stopServices() {
        ORGANIZATION.close();
        MEMBER.close();
        ASSESSMENT.close();
    }

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        if (!warmedUp) {
            // The first proxied call pays for connection pools and class loading; the latency
            // assertions are about the gateway's behaviour, not the JVM's warm-up.
            client.get().uri("/api/v1/organizations/warm-up").headers(h -> h.setBearerAuth(token()))
                    .exchange().expectStatus().isOk();
            warmedUp = true;
        }
    }

    // ---- routing, token relay, correlation -------------------------------------------------

    @Test
    void routesEachPathFamilyToItsServiceRelayingTheTokenAndCorrelationHeaders() {
        record Case(String path, StubService service) { }
        List<Case> cases = List.of(
                new Case("/api/v1/organizations/", ORGANIZATION),
                new Case("/api/v1/admin/organization-service/", ORGANIZATION),
                new Case("/api/v1/members/", MEMBER),
                new Case("/api/v1/admin/member-service/", MEMBER),
                new Case("/api/v1/assessments/", ASSESSMENT),
                new Case("/api/v1/admin/assessment-service/", ASSESSMENT));
        for (Case c : cases) {
            String marker = UUID.randomUUID().toString();
            String token = token();
            EntityExchangeResult<byte[]> result = client.get().uri(c.path() + marker + "?page=2&size=10")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().returnResult();

            StubService.Received received = c.service().find(marker).orElseThrow(
                    () -> new AssertionError(c.path() + " did not reach its service"));
            assertThat(received.uri()).isEqualTo(c.path() + marker + "?page=2&size=10");
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
            String requestId = received.header("X-Request-Id");
            assertThat(requestId).isNotBlank();
            assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
            assertThat(received.header("traceparent")).matches(TRACEPARENT_FORMAT);
        }
    }

    @Test
    void keepsTheClientsRequestIdAndValidTraceparent() {
        String marker = UUID.randomUUID().toString();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        client.get().uri("/api/v1/members/" + marker)
                .headers(h -> {
                    h.setBearerAuth(token());
                    h.set("X-Request-Id", "client-req-42");
                    h.set("traceparent", traceparent);
                    h.set("tracestate", "vendor=abc");
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "client-req-42");

        StubService.Received received = MEMBER.find(marker).orElseThrow();
        assertThat(received.header("X-Request-Id")).isEqualTo("client-req-42");
        assertThat(received.header("traceparent")).isEqualTo(traceparent);
        assertThat(received.header("tracestate")).isEqualTo("vendor=abc");
    }

    @Test
    void replacesAnInsaneRequestIdAndAnInvalidTraceparent() {
        String marker = UUID.randomUUID().toString();
        String badId = "x".repeat(200);
        EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/members/" + marker)
                .headers(h -> {
                    h.setBearerAuth(token());
                    h.set("X-Request-Id", badId);
                    h.set("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");
                    h.set("tracestate", "vendor=stale");
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        StubService.Received received = MEMBER.find(marker).orElseThrow();
        assertThat(received.header("X-Request-Id")).isNotEqualTo(badId).hasSize(36);
        assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(received.header("X-Request-Id"));
        assertThat(received.header("traceparent")).matches(TRACEPARENT_FORMAT);
        assertThat(received.header("tracestate")).isNull();
    }

    @Test
    void relaysRequestBodiesAndConcurrencyHeadersBothWays() {
        String marker = UUID.randomUUID().toString();
        String body = "{\"name\":\"第一党支部\",\"marker\":\"" + marker + "\"}";
        client.post().uri("/api/v1/organizations/" + marker)
                .headers(h -> {
                    h.setBearerAuth(token());
                    h.set("Idempotency-Key", "idem-" + marker);
                    h.setIfMatch("\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/organizations/" + marker + "/new-id")
                .expectBody().jsonPath("$.name").isEqualTo("第一党支部");

        StubService.Received received = ORGANIZATION.find(marker).orElseThrow();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Idempotency-Key")).isEqualTo("idem-" + marker);
        assertThat(received.header("If-Match")).isEqualTo("\"0\"");
    }

    @Test
    void passesAHealthyServicesErrorsThroughUnchanged() {
        client.get().uri("/api/v1/organizations/boom").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody().jsonPath("$.error").isEqualTo("boom from organization-service");
        client.get().uri("/api/v1/assessments/missing").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("no such thing in assessment-service");
    }

    // ---- authentication ----------------------------------------------------------------------

    @Test
    void rejectsRequestsWithoutAValidTokenWith401ProblemDetails() {
        String wrongKey = encoder(rsaKeyPair()).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims().build())).getTokenValue();
        record Case(String name, String token, String detailKey) { }
        List<Case> cases = List.of(
                new Case("no token", null, "缺少访问令牌"),
                new Case("wrong audience", token(c -> c.audience(List.of("other-api"))), "令牌无效"),
                new Case("wrong issuer", token(c -> c.issuer("https://evil.example")), "令牌无效"),
                new Case("expired", token(c -> c.issuedAt(Instant.now().minusSeconds(900))
                        .expiresAt(Instant.now().minusSeconds(300))), "已过期"),
                new Case("foreign signature", wrongKey, "令牌无效"),
                new Case("not a JWT", "not-a-jwt", "令牌无效"));
        for (Case c : cases) {
            String marker = UUID.randomUUID().toString();
            client.get().uri("/api/v1/members/" + marker)
                    .headers(h -> {
                        if (c.token() != null) {
                            h.setBearerAuth(c.token());
                        }
                    })
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                    .expectHeader().exists("X-Request-Id")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:party-building:problem:unauthorized")
                    .jsonPath("$.title").isEqualTo("未认证")
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.instance").isEqualTo("/api/v1/members/" + marker)
                    .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                            .as(c.name()).contains(c.detailKey()));
            assertThat(MEMBER.find(marker)).as(c.name() + " must not reach the service").isEmpty();
        }
    }

    @Test
    void answersUnknownPathsWith404ProblemDetails() {
        client.get().uri("/api/v9/nothing-here").headers(h -> h.setBearerAuth(token()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:party-building:problem:not-found")
                .jsonPath("$.title").isEqualTo("Not Found");
    }

    // ---- resilience --------------------------------------------------------------------------

    @Test
    void aServiceThatIsDownYields503NamingTheServiceQuickly() {
        long start = System.nanoTime();
        client.get().uri("/api/v1/trainings/plans").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:party-building:problem:service-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("training-service")
                .jsonPath("$.instance").isEqualTo("/api/v1/trainings/plans")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("training-service"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void acceptLanguageChoosesTheLanguageOfTheProblem() {
        assertTitle("en", "Service Unavailable");
        assertTitle("en-US,en;q=0.9", "Service Unavailable");
        assertTitle("zh-CN", "服务暂不可用");
        assertTitle("fr, zh;q=0.5", "服务暂不可用");
        assertTitle(null, "服务暂不可用");
    }

    private void assertTitle(String acceptLanguage, String title) {
        client.get().uri("/api/v1/admin/training-service/dlt")
                .headers(h -> {
                    h.setBearerAuth(token());
                    if (acceptLanguage != null) {
                        h.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
                    }
                })
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.title").isEqualTo(title);
    }

    @Test
    void anOpenCircuitStillAnswers503AndSaysWhenToRetry() {
        // Enough failures (minimum 10 calls, 50 %) open training-service's circuit; the breaker
        // then answers at once without trying the connection.
        EntityExchangeResult<byte[]> open = null;
        for (int i = 0; i < 25 && open == null; i++) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/trainings/sessions")
                    .headers(h -> h.setBearerAuth(token()))
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody().jsonPath("$.service").isEqualTo("training-service")
                    .returnResult();
            if (result.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
                open = result;
            }
        }
        assertThat(open).as("the circuit never opened").isNotNull();
        assertThat(open.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    }

    @Test
    void aSlowButHealthyAnswerIsNotCutByTheCircuitBreaker() {
        // 1.3 s is beyond resilience4j's default 1 s time limit but within the 2 s response timeout.
        client.get().uri("/api/v1/members/slow?ms=1300").headers(h -> h.setBearerAuth(token()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.slow").isEqualTo(1300);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeYields504NamingTheService() {
        long start = System.nanoTime();
        client.get().uri("/api/v1/members/slow?ms=4000").headers(h -> h.setBearerAuth(token()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:party-building:problem:gateway-timeout")
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.service").isEqualTo("member-service");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
    }

    // ---- rate limit --------------------------------------------------------------------------

    @Test
    void limitsEachPrincipalAndAnswers429WithRetryAfter() {
        String token = token(c -> c.subject("rate-limited-" + UUID.randomUUID()));
        EntityExchangeResult<byte[]> limited = null;
        for (int i = 0; i < 60 && limited == null; i++) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/organizations/tree")
                    .headers(h -> h.setBearerAuth(token))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                limited = result;
            }
            else {
                assertThat(result.getStatus().value()).isEqualTo(200);
            }
        }
        assertThat(limited).as("no request was rate limited").isNotNull();
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        String body = new String(limited.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"type\":\"urn:party-building:problem:rate-limited\"")
                .contains("\"title\":\"Too Many Requests\"")
                .contains("\"status\":429");

        // Another principal is not affected.
        client.get().uri("/api/v1/organizations/tree").headers(h -> h.setBearerAuth(token()))
                .exchange().expectStatus().isOk();
    }

    // ---- OpenAPI hub -------------------------------------------------------------------------

    @Test
    void apiDocsRouteIsPublicAndRewrittenToTheServicesOwnDocument() {
        client.get().uri("/v3/api-docs/member-service")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("member-service");
        assertThat(MEMBER.find("/v3/api-docs")).hasValueSatisfying(r -> assertThat(r.uri()).isEqualTo("/v3/api-docs"));

        client.get().uri("/v3/api-docs/assessment-service")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("assessment-service");
    }

    @Test
    void swaggerUiIsPublicAndListsTheFourServices() {
        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(4)
                .jsonPath("$.urls[*].name").value(List.class, names -> assertThat(names).containsExactlyInAnyOrderElementsOf(SERVICES))
                .jsonPath("$.urls[*].url").value(List.class, urls -> assertThat(urls)
                        .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> "/v3/api-docs/" + s).toList()));

        String location = client.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(location).contains("/swagger-ui/index.html");
        client.get().uri(location).exchange().expectStatus().isOk();
    }

    // ---- actuator ----------------------------------------------------------------------------

    @Test
    void healthProbesArePublicAndMetricsNeedAToken() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token()))
                .exchange().expectStatus().isOk();
    }

    // ---- connections -------------------------------------------------------------------------

    @Test
    void aKeepAliveConnectionStillReadsAfterAQueuedRequestIsAnsweredAtOnce() throws IOException {
        // Reactor Netty queues a request that arrives before the previous exchange on its
        // connection has ended: a pipelined one, or a keep-alive one sent as soon as the previous
        // answer's last byte arrived, before the server had ended that exchange (on a loaded
        // machine it happens to any client that reuses connections: WebTestClient, a proxy in
        // front of the gateway). Reactor Netty 1.3.6 drained the queue without reading the socket
        // again when the queued request was answered during its own dispatch (a 401 needs no
        // I/O), so the connection's next request was never read: the health test's /actuator
        // call after an unauthenticated one hung until WebTestClient gave up. Pipelining the
        // requests (the first is proxied, so it is still open when the second arrives) makes the
        // queueing certain instead of a matter of timing.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String proxied = "GET /api/v1/members/pipelined HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token() + "\r\n\r\n";
            String unauthenticated = "GET /api/v1/members/pipelined HTTP/1.1\r\nHost: localhost\r\n\r\n";
            out.write((proxied + unauthenticated).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).isEqualTo(200);
            assertThat(readStatus(in)).isEqualTo(401);

            out.write("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatus(in)).as("the next request on the same connection").isEqualTo(200);
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length body and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int contentLength = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(contentLength);
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    // ---- tokens ------------------------------------------------------------------------------

    /** A valid token for a fresh subject, so that tests never share a rate-limit bucket. */
    private static String token() {
        return token(c -> { });
    }

    private static String token(Consumer<JwtClaimsSet.Builder> customizer) {
        JwtClaimsSet.Builder claims = claims();
        customizer.accept(claims);
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    private static JwtClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of("party-api"))
                .subject("user-" + UUID.randomUUID())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("MEMBER"))
                .claim("org_scopes", List.of("org-1"))
                .claim("permissions", List.of());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JwtEncoder encoder(KeyPair keys) {
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()).build();
    }

    private static StubService start(String name) {
        try {
            return new StubService(name);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
