package party.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection, for a load loop of one worker: what a
 * player on a phone does (one connection, one request after the other). The JDK's HttpClient
 * spent about 0.4 ms of CPU per request on its selector and worker threads, a seventh of what the
 * whole stack spent per heartbeat, and that CPU is taken from the stack measured on the same two
 * cores. Understands Content-Length and chunked bodies; reconnects after the server closes. A
 * streamed GET hands the body on as it arrives, so a video is read at the price of the socket's
 * copies only (the JDK HttpClient spent about 1 ms of CPU per MB).
 */
final class KeepAliveHttp implements Closeable {

    record Response(int status, String body) {
    }

    /** Where a streamed body goes, piece by piece as it arrives (the pieces are reused). */
    interface BodySink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    /** A streamed response's status and headers (names in lower case); its body went to the sink. */
    record Streamed(int status, Map<String, String> headers) {
    }

    private byte[] buffer = new byte[8192];

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    Response post(String path, String bearer, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        if (socket == null) {
            connect();
        }
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int status = read(answer::write).status();
            return new Response(status, answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * A GET whose body goes to {@code sink} as it arrives, in pieces of up to {@code bufferSize}
     * bytes read straight from the socket (a video streamed, not held); {@code range} may be null.
     */
    Streamed get(String path, String bearer, String range, int bufferSize, BodySink sink) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + (range == null ? "" : "\r\nRange: " + range) + "\r\n\r\n";
        if (socket == null) {
            connect();
        }
        if (buffer.length < bufferSize) {
            buffer = new byte[bufferSize];
        }
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(sink);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /** Reads one response: its head, then its body into {@code body}. */
    private Streamed read(BodySink body) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        long length = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : -1;
        boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
        boolean closes = headers.getOrDefault("connection", "").equalsIgnoreCase("close");
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                body.accept(buffer, 0, r);
            }
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Streamed(code, headers);
    }

    private void copy(long n, BodySink to) throws IOException {
        for (long left = n; left > 0; ) {
            int r = in.read(buffer, 0, (int) Math.min(left, buffer.length));
            if (r < 0) {
                throw new IOException("connection closed within a body");
            }
            to.accept(buffer, 0, r);
            left -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed within a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
