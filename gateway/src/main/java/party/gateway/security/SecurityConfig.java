package party.gateway.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import party.gateway.problem.ProblemResponder;
import party.gateway.problem.ProblemType;

/**
 * The gateway only authenticates: a valid bearer token (signature, issuer, audience, expiry) is
 * required for the API, and the token is relayed unchanged for the service to authorize.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String[] PUBLIC_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
    };

    /**
     * No Spring Security observations: the exchange's own {@code http.server.requests} observation
     * times and traces the request already; wrapping each security filter, the authentication and
     * the authorization in observations of their own was a tenth of the gateway's CPU per request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponder problems) {
        ServerAuthenticationEntryPoint entryPoint = unauthorized(problems);
        ServerAccessDeniedHandler accessDenied = (exchange, denied) ->
                problems.respond(exchange, ProblemType.FORBIDDEN, "detail", Map.of());
        return http
                // Stateless bearer-token API: no session, no CSRF token, no login page.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenConverter())
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    private static ServerAuthenticationEntryPoint unauthorized(ProblemResponder problems) {
        return (exchange, failure) -> {
            String detail = detailKey(failure);
            // RFC 6750: tell the client which scheme, and whether the token it sent was bad.
            String challenge = "missing".equals(detail) ? "Bearer" : "Bearer error=\"invalid_token\"";
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
            return problems.respond(exchange, ProblemType.UNAUTHORIZED, "detail." + detail, Map.of());
        };
    }

    private static String detailKey(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            // No bearer token at all (the filter chain denied an anonymous request).
            return "missing";
        }
        OAuth2Error error = oauth.getError();
        String description = error.getDescription() != null ? error.getDescription() : "";
        return description.contains("expired") ? "expired" : "invalid";
    }
}
