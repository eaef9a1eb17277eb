package party.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

import party.gateway.problem.ProblemResponder;
import reactor.core.publisher.Mono;

/**
 * Limits every routed request per principal (the JWT {@code sub}); requests without a principal
 * (public routes such as the API documents) are limited per client address. It runs inside the
 * gateway handler, i.e. after authentication, so the principal is known and forged tokens never
 * reach a bucket.
 */
public class RateLimitGlobalFilter implements GlobalFilter, Ordered {

    /** Before the route filters (circuit breaker) and the proxying filters. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

    private final RequestRateLimiter limiter;
    private final ProblemResponder problems;

    public RateLimitGlobalFilter(RequestRateLimiter limiter, ProblemResponder problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(RateLimitGlobalFilter::isAuthenticated)
                .map(principal -> "sub:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange)))
                .flatMap(limiter::tryAcquire)
                .flatMap(decision -> decision.allowed()
                        ? chain.filter(exchange)
                        : problems.rateLimited(exchange, decision.retryAfter()));
    }

    private static boolean isAuthenticated(Principal principal) {
        return !(principal instanceof Authentication authentication) || authentication.isAuthenticated();
    }

    /**
     * The TCP peer, deliberately not X-Forwarded-For: a client could forge that header to get a
     * fresh bucket per request. Behind a load balancer every anonymous caller shares its address,
     * which only affects the public documentation routes.
     */
    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
