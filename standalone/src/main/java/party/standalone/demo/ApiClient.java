package party.standalone.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the platform's REST API, as an integration would call it: through the gateway, with a bearer token. */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Supplier<String> token;

    ApiClient(URI base, Supplier<String> token) {
        this.base = base;
        this.token = token;
    }

    /** A response: status, parsed body (null if empty or not JSON) and the {@code ETag} (null if none). */
    record Response(int status, JsonNode body, String raw, String etag) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(15));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            String raw = response.body();
            if (raw != null && !raw.isBlank()) {
                try {
                    body = JSON.readTree(raw);
                } catch (RuntimeException notJson) {
                    body = null;
                }
            }
            return new Response(response.statusCode(), body, raw, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
