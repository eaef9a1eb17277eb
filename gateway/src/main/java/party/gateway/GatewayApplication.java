package party.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one door for the portal and the mobile apps: routes, JWT validation, per-principal rate
 * limits, circuit breakers and the OpenAPI hub.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Application name and configuration name ({@code gateway.yml}). */
    public static final String NAME = "gateway";

    /**
     * The standalone launcher runs several Spring contexts in one JVM on one classpath, so each
     * application reads its own configuration file instead of a shared {@code application.yml}.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
