package party.platform.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import party.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: it validates the JWT again (signature, issuer,
 * audience, expiry, configured by {@code spring.security.oauth2.resourceserver.jwt.*}) even
 * behind the gateway. Roles come from the {@code roles} claim as {@code ROLE_*} authorities.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * No Spring Security observations: the request's own {@code http.server.requests} observation
     * times and traces it already, and wrapping each of the chain's filters, the authentication
     * and the authorization in observations of their own cost a tenth of a heartbeat's CPU.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Problems problems, JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only: nothing to log out of, no request to save for after a login page.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((request, response, e) ->
                                write(request, response, problems, json, HttpStatus.UNAUTHORIZED, "unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                write(request, response, problems, json, HttpStatus.FORBIDDEN, "forbidden")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                write(request, response, problems, json, HttpStatus.UNAUTHORIZED, "unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                write(request, response, problems, json, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    /**
     * Wraps the JWT decoder (Spring Boot's, from {@code spring.security.oauth2.resourceserver.jwt.*})
     * so that a token verified once is not verified again until it expires
     * ({@link CachingJwtDecoder}); {@code party.security.jwt-cache-size} bounds it, 0 turns it off.
     */
    @Bean
    static BeanPostProcessor cachingJwtDecoderPostProcessor(Environment environment) {
        int size = environment.getProperty("party.security.jwt-cache-size", Integer.class, 20_000);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return size > 0 && bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, size) : bean;
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH));
        resolver.setDefaultLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.getClaimAsStringList(CurrentUser.ROLES_CLAIM);
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static void write(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, Problems problems, JsonMapper json, HttpStatus status,
                              String slug) throws IOException {
        // Security filters run before Spring MVC's locale resolver, so resolve Accept-Language here.
        java.util.Locale locale = request.getHeader("Accept-Language") == null
                ? java.util.Locale.SIMPLIFIED_CHINESE : request.getLocale();
        ProblemDetail problem = problems.of(status, slug, locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
