package party.gateway.streaming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A downstream service on a raw socket that stops reading (an upload) or is free to write (a
 * download) while the test holds it, so the test can see how many bytes the gateway takes in
 * while the other side does not move. One request per instance.
 */
final class PausingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final CountDownLatch resume = new CountDownLatch(1);
    private final AtomicLong bodyBytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final CompletableFuture<String> requestHead = new CompletableFuture<>();

    private PausingUpstream(long responseBytes) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("pausing-upstream").start(() -> serve(responseBytes));
    }

    /** Reads the request head, then no body byte until {@link #resume()}; answers 201 with the bytes read. */
    static PausingUpstream receiving() throws IOException {
        return new PausingUpstream(-1);
    }

    /** Answers 200 with {@code bytes} bytes of body, written as fast as the gateway takes them. */
    static PausingUpstream sending(long bytes) throws IOException {
        return new PausingUpstream(bytes);
    }

    String uri() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void resume() {
        resume.countDown();
    }

    long bodyBytesRead() {
        return bodyBytesRead.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    String requestHead() throws Exception {
        return requestHead.get(30, TimeUnit.SECONDS);
    }

    private void serve(long responseBytes) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = readHead(in);
            requestHead.complete(head);
            if (responseBytes < 0) {
                long length = contentLength(head);
                resume.await();
                byte[] buffer = new byte[64 * 1024];
                while (bodyBytesRead.get() < length) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - bodyBytesRead.get()));
                    if (n < 0) {
                        break;
                    }
                    bodyBytesRead.addAndGet(n);
                }
                byte[] body = ("{\"read\":" + bodyBytesRead.get() + "}").getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            }
            else {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + responseBytes
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] block = new byte[64 * 1024];
                for (long left = responseBytes; left > 0; ) {
                    int n = (int) Math.min(block.length, left);
                    out.write(block, 0, n);
                    bytesWritten.addAndGet(n);
                    left -= n;
                }
            }
            out.flush();
        }
        catch (IOException | InterruptedException ex) {
            requestHead.completeExceptionally(ex);
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        resume.countDown();
        server.close();
    }
}
