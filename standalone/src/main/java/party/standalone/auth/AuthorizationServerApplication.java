package party.standalone.auth;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import party.standalone.DemoDirectory;

/**
 * The standalone stack's OAuth2/OIDC authorization server (Spring Authorization Server), its own
 * Spring context configured by {@code auth-server.yml}. Production uses the enterprise identity
 * provider instead; services only know an issuer URI.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableConfigurationProperties(AuthServerProperties.class)
@Import(AuthorizationServerSecurity.class)
public class AuthorizationServerApplication {

    /** Application name and configuration name ({@code auth-server.yml}). */
    public static final String NAME = "auth-server";

    /** A builder whose context resolves org scopes from {@code directory}. */
    public static SpringApplicationBuilder builder(DemoDirectory directory) {
        return new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .properties("spring.config.name=" + NAME)
                .initializers(context -> context.getBeanFactory().registerSingleton("demoDirectory", directory));
    }
}
