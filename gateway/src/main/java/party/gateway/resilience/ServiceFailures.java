package party.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import party.gateway.problem.ProblemResponder;
import party.gateway.problem.ProblemType;
import party.gateway.tracing.RequestCorrelationWebFilter;
import reactor.core.publisher.Mono;

/**
 * The answer when a routed service could not be asked (refused or timed-out connection, response
 * timeout, open circuit): 504 for timeouts and 503 otherwise, naming the service; an open circuit
 * adds {@code Retry-After}. The routes' circuit breakers have no {@code fallbackUri} on purpose:
 * Spring Cloud Gateway caches the whole request body of a route with a fallback (so the forward
 * could read it again), which turned a 500 MB video upload into one 500 MB buffer. Their errors
 * reach the gateway's error handler instead, which calls this.
 */
@Component
public class ServiceFailures {

    private static final Logger log = LoggerFactory.getLogger(ServiceFailures.class);

    private final ProblemResponder problems;
    private final CircuitBreakerProperties circuitBreaker;

    ServiceFailures(ProblemResponder problems, CircuitBreakerProperties circuitBreaker) {
        this.problems = problems;
        this.circuitBreaker = circuitBreaker;
    }

    /** Whether a failure of a routed request is the service's unavailability rather than the client's mistake. */
    public static boolean isServiceFailure(Throwable failure) {
        return !(failure instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError());
    }

    public Mono<Void> respond(ServerWebExchange exchange, String service, Throwable failure) {
        String requestId = RequestCorrelationWebFilter.requestId(exchange);
        if (isTimeout(failure)) {
            log.warn("{} did not answer in time (request {}): {}", service, requestId, describe(failure));
            return problems.respond(exchange, ProblemType.GATEWAY_TIMEOUT, "detail", Map.of("service", service), service);
        }
        if (isOpenCircuit(failure)) {
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

    /** Resilience4j's open circuit, as the breaker filter without a fallback reports it. */
    static boolean isOpenCircuit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException || t instanceof ServiceUnavailableException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException
                    || t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        return failure == null ? "no cause recorded" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
