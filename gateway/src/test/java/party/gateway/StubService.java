package party.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real downstream HTTP service on a random loopback port that records what reaches it.
 * Behaviour by path: {@code .../boom} answers 500, {@code .../slow?ms=N} waits N ms,
 * {@code /v3/api-docs} answers an OpenAPI stub, a POST echoes its body as 201 with an ETag,
 * anything else echoes the service name and path.
 */
final class StubService implements AutoCloseable {

    /** What one request looked like when it reached the service. */
    record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StubService(String name) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first request whose path and query contain the marker. */
    Optional<Received> find(String marker) {
        return received.stream().filter(r -> r.uri().contains(marker)).findFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), uri.toString(), Map.copyOf(exchange.getRequestHeaders()),
                requestBody));
        String path = uri.getPath();
        try (exchange) {
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            if (path.endsWith("/boom")) {
                send(exchange, 500, "application/json", "{\"error\":\"boom from " + name + "\"}");
            }
            else if (path.endsWith("/missing")) {
                send(exchange, 404, "application/json", "{\"error\":\"no such thing in " + name + "\"}");
            }
            else if (path.endsWith("/slow")) {
                long millis = Long.parseLong(uri.getQuery().replaceAll(".*ms=(\\d+).*", "$1"));
                Thread.sleep(millis);
                send(exchange, 200, "application/json", "{\"service\":\"" + name + "\",\"slow\":" + millis + "}");
            }
            else if (exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("ETag", "\"1\"");
                exchange.getResponseHeaders().set("Location", path + "/new-id");
                send(exchange, 201, "application/json", requestBody);
            }
            else if (path.equals("/v3/api-docs")) {
                send(exchange, 200, "application/json",
                        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"v1\"},\"paths\":{}}");
            }
            else {
                send(exchange, 200, "application/json", "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException clientGone) {
            // The gateway gave up (timeout test); nothing to answer to.
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
