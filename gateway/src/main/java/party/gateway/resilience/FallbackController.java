package party.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import party.gateway.problem.ProblemResponder;
import party.gateway.problem.ProblemType;
import party.gateway.tracing.RequestCorrelationWebFilter;
import reactor.core.publisher.Mono;

/**
 * Target of every route's circuit breaker ({@code forward:/fallback/<service>}): reached only when
 * the service could not be asked (refused or timed-out connection, response timeout, open
 * circuit). Answers 504 for timeouts and 503 otherwise, naming the service.
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final ProblemResponder problems;
    private final CircuitBreakerProperties circuitBreaker;

    FallbackController(ProblemResponder problems, CircuitBreakerProperties circuitBreaker) {
        this.problems = problems;
        this.circuitBreaker = circuitBreaker;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        if (!SERVICE_NAME.matcher(service).matches()) {
            return problems.respond(exchange, ProblemType.NOT_FOUND, "detail", Map.of());
        }
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String requestId = RequestCorrelationWebFilter.requestId(exchange);
        if (isTimeout(failure)) {
            log.warn("{} did not answer in time (request {}): {}", service, requestId, describe(failure));
            return problems.respond(exchange, ProblemType.GATEWAY_TIMEOUT, "detail", Map.of("service", service), service);
        }
        if (failure instanceof CallNotPermittedException) {
            // The circuit is open: tell the client when it is worth asking again.
            log.debug("{} circuit open (request {})", service, requestId);
            Duration wait = circuitBreaker.waitDurationInOpenState();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        }
        else {
            log.warn("{} unavailable (request {}): {}", service, requestId, describe(failure));
        }
        return problems.respond(exchange, ProblemType.SERVICE_UNAVAILABLE, "detail", Map.of("service", service), service);
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException
                    || t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        return failure == null ? "no cause recorded" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
