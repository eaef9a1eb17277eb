package party.gateway.tracing;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} before anything else
 * runs (security included), so that even a 401 can be correlated. Both are passed to the service
 * and the request id is returned to the client.
 */
@Component
public class RequestCorrelationWebFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String TRACESTATE_HEADER = "tracestate";

    private static final String REQUEST_ID_ATTR = RequestCorrelationWebFilter.class.getName() + ".requestId";
    private static final String ORIGINAL_PATH_ATTR = RequestCorrelationWebFilter.class.getName() + ".originalPath";

    // A client's id is kept only when it cannot smuggle anything into logs or headers.
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:+=@/-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        String requestId = saneRequestId(incoming.get(REQUEST_ID_HEADER));
        String traceparent = single(incoming.get(TRACEPARENT_HEADER));
        boolean keepTrace = Traceparent.isValid(traceparent);
        String outgoingTraceparent = keepTrace ? traceparent : Traceparent.generate();

        exchange.getAttributes().put(REQUEST_ID_ATTR, requestId);
        exchange.getAttributes().put(ORIGINAL_PATH_ATTR, exchange.getRequest().getPath().value());

        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.set(REQUEST_ID_HEADER, requestId);
            headers.set(TRACEPARENT_HEADER, outgoingTraceparent);
            if (!keepTrace) {
                // tracestate belongs to the discarded trace (W3C Trace Context, section 3.3).
                headers.remove(TRACESTATE_HEADER);
            }
        }).build();

        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(REQUEST_ID_HEADER, requestId);
        // The proxied response's headers are copied over ours; ours must win.
        response.beforeCommit(() -> {
            response.getHeaders().set(REQUEST_ID_HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The request id of this exchange, or null outside the filter. */
    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(REQUEST_ID_ATTR);
    }

    /** The path the client asked for, before rewrites and fallback forwards. */
    public static String originalPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(ORIGINAL_PATH_ATTR);
        return path != null ? path : exchange.getRequest().getPath().value();
    }

    static String saneRequestId(List<String> values) {
        String value = single(values);
        return value != null && SANE_REQUEST_ID.matcher(value).matches() ? value : UUID.randomUUID().toString();
    }

    private static String single(List<String> values) {
        return values != null && values.size() == 1 ? values.getFirst() : null;
    }
}
