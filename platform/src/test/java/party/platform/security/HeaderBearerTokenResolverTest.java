package party.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class HeaderBearerTokenResolverTest {

    private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokenOfTheAuthorizationHeaderAsSpringSecurityDoes() {
        for (String header : new String[] {"Bearer eyJ.a-b_c~d+e/f==", "bearer abc", "BEARER abc"}) {
            assertThat(resolver.resolve(request(header, null))).as(header).isEqualTo(spring.resolve(request(header, null)))
                    .isEqualTo(header.substring(7));
        }
        for (String header : new String[] {"Basic dXNlcjpwdw==", "Token abc"}) {
            assertThat(resolver.resolve(request(header, null))).as(header).isNull();
            assertThat(spring.resolve(request(header, null))).as(header).isNull();
        }
        assertThat(resolver.resolve(request(null, null))).isNull();
    }

    @Test
    void aMalformedTokenIsAnInvalidTokenAsWithSpringSecurity() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer a b", "Bearer abc=d", "Bearer =", "Bearerabc",
                "Bearer abc\u00e9", "Bearer  abc"}) {
            assertThatThrownBy(() -> spring.resolve(request(header, null))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
            assertThatThrownBy(() -> resolver.resolve(request(header, null))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_token");
        }
    }

    @Test
    void aSecondTokenInTheQueryIsRefused() {
        assertThatThrownBy(() -> resolver.resolve(request("Bearer abc", "access_token=def")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_request");
    }

    private static MockHttpServletRequest request(String authorization, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/trainings/videos/v/heartbeats");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        if (query != null) {
            request.setQueryString(query);
            request.addParameter(query.substring(0, query.indexOf('=')), query.substring(query.indexOf('=') + 1));
        }
        return request;
    }
}
