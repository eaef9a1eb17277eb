package party.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

class BearerTokenConverterTest {

    private final BearerTokenConverter converter = new BearerTokenConverter();
    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Test
    void readsTheTokenOfTheAuthorizationHeaderAsSpringSecurityDoes() {
        for (String header : new String[] {"Bearer eyJ.a-b_c~d+e/f==", "bearer abc", "BEARER abc"}) {
            assertThat(token(converter.convert(exchange(header, "")).block())).as(header)
                    .isEqualTo(token(spring.convert(exchange(header, "")).block())).isEqualTo(header.substring(7));
        }
        for (String header : new String[] {"Basic dXNlcjpwdw==", "Token abc"}) {
            assertThat(converter.convert(exchange(header, "")).block()).as(header).isNull();
            assertThat(spring.convert(exchange(header, "")).block()).as(header).isNull();
        }
        assertThat(converter.convert(exchange(null, "")).block()).isNull();
    }

    @Test
    void aMalformedTokenIsAnInvalidTokenAsWithSpringSecurity() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer a b", "Bearer abc=d", "Bearer =", "Bearerabc",
                "Bearer abc\u00e9", "Bearer  abc"}) {
            assertThatThrownBy(() -> spring.convert(exchange(header, "")).block()).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
            assertThatThrownBy(() -> converter.convert(exchange(header, "")).block()).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_token");
        }
    }

    @Test
    void aSecondTokenInTheQueryIsRefused() {
        assertThatThrownBy(() -> converter.convert(exchange("Bearer abc", "?access_token=def")).block())
                .isInstanceOf(OAuth2AuthenticationException.class)
                .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_request");
    }

    private static String token(Authentication authentication) {
        return ((BearerTokenAuthenticationToken) authentication).getToken();
    }

    private static MockServerWebExchange exchange(String authorization, String query) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/v1/trainings/videos/v/heartbeats" + query);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return MockServerWebExchange.from(request);
    }
}
