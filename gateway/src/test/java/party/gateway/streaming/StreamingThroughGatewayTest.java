package party.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.netty.http.client.HttpClient;

/**
 * A video upload and download pass through the gateway as streams: while the far side does not
 * move, the gateway takes in no more than socket buffers' worth of the body instead of
 * aggregating it (a 500 MB upload once died in the gateway with OutOfDirectMemoryError). The
 * bodies here are several times the bound, so a gateway that buffered would take them whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + StreamingThroughGatewayTest.ISSUER,
        "spring.security.oauth2.resourceserver.jwt.audiences=party-api",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=60s",
})
class StreamingThroughGatewayTest {

    static final String ISSUER = "https://issuer.party.test";
    private static final long BODY = 192L * 1024 * 1024;
    /** Loopback socket buffers on four sockets plus the gateway's read buffers stay far below this. */
    private static final long BOUND = 48L * 1024 * 1024;

    private static final KeyPair KEYS = rsaKeyPair();
    private static final PausingUpstream UPLOAD_TARGET = upstream(true);
    private static final PausingUpstream DOWNLOAD_SOURCE = upstream(false);

    @LocalServerPort
    int port;

    @Autowired
    HttpClient proxyClient;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        registry.add("TRAINING_SERVICE_URI", UPLOAD_TARGET::uri);
        registry.add("MEMBER_SERVICE_URI", DOWNLOAD_SOURCE::uri);
        Path pem = Files.createTempFile("gateway-test-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @AfterAll
    static void stop() throws IOException {
        UPLOAD_TARGET.close();
        DOWNLOAD_SOURCE.close();
    }

    @Test
    void anUploadIsNotTakenInWholeWhileTheServiceDoesNotRead() throws Exception {
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/trainings/videos?orgId=o HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + BODY + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(out, sent),
                    command -> Thread.ofVirtual().start(command));

            assertThat(UPLOAD_TARGET.requestHead()).startsWith("POST /api/v1/trainings/videos");
            long held = settled(sent::get);
            assertThat(held).as("bytes the gateway took from the client while the service read none").isLessThan(BOUND);

            UPLOAD_TARGET.resume();
            writer.get(60, TimeUnit.SECONDS);
            String response = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(response).isEqualTo("HTTP/1.1 201");
            assertThat(UPLOAD_TARGET.bodyBytesRead()).isEqualTo(BODY);
        }
    }

    @Test
    void aDownloadIsNotTakenInWholeWhileTheClientDoesNotRead() throws Exception {
        DOWNLOAD_SOURCE.resume();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /api/v1/members/video HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = PausingUpstream.readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");

            long held = settled(DOWNLOAD_SOURCE::bytesWritten);
            assertThat(held).as("bytes the gateway took from the service while the client read none").isLessThan(BOUND);

            long read = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; read < BODY && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
            assertThat(read).isEqualTo(BODY);
        }
    }

    /**
     * The proxy client's reads from a service grow to 1 MiB while they come back full, as a video's
     * bytes do (Netty's default stops at 64 KiB): the bench measured a third less of the gateway's
     * CPU per MB streamed. The download test above bounds what that holds for a client that stalls.
     */
    @Test
    void readsFromAServiceGrowToOneMebibyteWhileTheyComeBackFull() {
        var allocator = (RecvByteBufAllocator) proxyClient.configuration().options().get(ChannelOption.RCVBUF_ALLOCATOR);
        assertThat(allocator).isNotNull();
        RecvByteBufAllocator.Handle reads = allocator.newHandle();
        ChannelConfig config = new EmbeddedChannel().config();
        for (int i = 0; i < 100; i++) {
            reads.reset(config);
            reads.attemptedBytesRead(reads.guess());
            reads.lastBytesRead(reads.guess());
            reads.readComplete();
        }
        assertThat(reads.guess()).isEqualTo(1024 * 1024);
    }

    /** Waits until the counter stops moving for a few polls (the pipe is full), and answers where it stopped. */
    private static long settled(LongSupplier counter) {
        long[] last = {-1};
        int[] still = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long now = counter.getAsLong();
            still[0] = now > 0 && now == last[0] ? still[0] + 1 : 0;
            last[0] = now;
            return still[0] >= 3;
        });
        return last[0];
    }

    private static void write(OutputStream out, AtomicLong sent) {
        byte[] block = new byte[64 * 1024];
        try {
            for (long left = BODY; left > 0; ) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                sent.addAndGet(n);
                left -= n;
            }
            out.flush();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String token() {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).audience(List.of("party-api"))
                .subject("streaming-test").issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim("roles", List.of("ADMIN")).build();
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate()).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static PausingUpstream upstream(boolean receiving) {
        try {
            return receiving ? PausingUpstream.receiving() : PausingUpstream.sending(BODY);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
