package party.gateway.problem;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import party.gateway.resilience.ServiceFailures;
import party.gateway.security.IdentityProviderUnavailableException;
import party.gateway.tracing.RequestCorrelationWebFilter;
import reactor.core.publisher.Mono;

/**
 * Everything not answered elsewhere (unknown path, wrong method, an unexpected failure) also
 * becomes Problem Details instead of Boot's default error JSON. Runs before Boot's handler.
 */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponder problems;
    private final ServiceFailures serviceFailures;

    ProblemErrorWebExceptionHandler(ProblemResponder problems, ServiceFailures serviceFailures) {
        this.problems = problems;
        this.serviceFailures = serviceFailures;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (causedBy(failure, IdentityProviderUnavailableException.class)) {
            log.warn("Identity provider unavailable (request id {}): {}", RequestCorrelationWebFilter.requestId(exchange),
                    rootCause(failure).toString());
            String service = IdentityProviderUnavailableException.SERVICE;
            return problems.respond(exchange, ProblemType.SERVICE_UNAVAILABLE, "detail", Map.of("service", service), service);
        }
        Route routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (routed != null && ServiceFailures.isServiceFailure(failure)) {
            // The route's circuit breaker let the failure through (it has no fallback forward).
            Object service = routed.getMetadata().get("service");
            return serviceFailures.respond(exchange, service != null ? service.toString() : routed.getId(), failure);
        }
        HttpStatusCode status = failure instanceof ResponseStatusException rse
                ? rse.getStatusCode() : HttpStatusCode.valueOf(500);
        if (status.is5xxServerError()) {
            log.error("Request {} {} failed (request id {})", exchange.getRequest().getMethod(),
                    RequestCorrelationWebFilter.originalPath(exchange), RequestCorrelationWebFilter.requestId(exchange),
                    failure);
        }
        ProblemType type = ProblemType.forStatus(status);
        Map<String, Object> extensions = Map.of();
        String service = null;
        if (type == ProblemType.SERVICE_UNAVAILABLE || type == ProblemType.GATEWAY_TIMEOUT
                || type == ProblemType.BAD_GATEWAY) {
            // Reached only if a route lacks its circuit breaker; name the route's service anyway.
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            service = route != null ? route.getId() : "gateway";
            extensions = Map.of("service", service);
        }
        return problems.respond(exchange, type, status, "detail", extensions, service);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
