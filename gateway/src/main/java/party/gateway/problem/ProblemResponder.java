package party.gateway.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;

import party.gateway.tracing.RequestCorrelationWebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 Problem Details for everything the gateway itself answers (401, 403, 429,
 * 503, 504, ...). Security entry points, gateway filters and the error handler all write the
 * raw response, so one writer keeps the body, the media type and the language identical.
 */
@Component
public class ProblemResponder {

    /** Chinese is the platform's first language; English is the only other one offered. */
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    // Plain maps of strings and numbers: no application-specific mapper configuration is needed.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResourceBundleMessageSource messages;
    private final AcceptHeaderLocaleContextResolver locales;

    public ProblemResponder() {
        // A private message source: in the standalone JVM other contexts have their own
        // "messages" bundles on the same classpath, so the gateway uses its own basename.
        messages = new ResourceBundleMessageSource();
        messages.setBasename("party/gateway/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        locales = new AcceptHeaderLocaleContextResolver();
        locales.setSupportedLocales(SUPPORTED_LOCALES);
        locales.setDefaultLocale(DEFAULT_LOCALE);
    }

    /** Answers with the type's own status. */
    public Mono<Void> respond(ServerWebExchange exchange, ProblemType type, String detailKey,
                              Map<String, Object> extensions, Object... detailArgs) {
        return respond(exchange, type, type.status(), detailKey, extensions, detailArgs);
    }

    /**
     * Answers with a Problem Details body.
     *
     * @param detailKey message key of the detail, relative to the type's slug (e.g. {@code detail.missing})
     */
    public Mono<Void> respond(ServerWebExchange exchange, ProblemType type, HttpStatusCode status, String detailKey,
                              Map<String, Object> extensions, Object... detailArgs) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Too late for a body: the status line is already on the wire.
            return Mono.empty();
        }
        Locale locale = resolveLocale(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", message(type.slug() + ".title", locale));
        body.put("status", status.value());
        body.put("detail", message(type.slug() + "." + detailKey, locale, detailArgs));
        body.put("instance", RequestCorrelationWebFilter.originalPath(exchange));
        extensions.forEach(body::putIfAbsent);
        String requestId = RequestCorrelationWebFilter.requestId(exchange);
        if (requestId != null) {
            body.putIfAbsent("requestId", requestId);
        }

        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setContentLanguage(locale);
        headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        headers.setCacheControl("no-store");
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** 429 with {@code Retry-After} in whole seconds, never less than one. */
    public Mono<Void> rateLimited(ServerWebExchange exchange, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return respond(exchange, ProblemType.RATE_LIMITED, "detail", Map.of("retryAfterSeconds", seconds), seconds);
    }

    Locale resolveLocale(ServerWebExchange exchange) {
        try {
            Locale locale = locales.resolveLocaleContext(exchange).getLocale();
            return locale != null ? locale : DEFAULT_LOCALE;
        }
        catch (IllegalArgumentException malformedHeader) {
            return DEFAULT_LOCALE;
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
