package party.organization;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import party.platform.EnablePlatform;

@SpringBootApplication
@EnablePlatform
public class OrganizationServiceApplication {

    /** The service's own config file name, so several services can share one JVM (standalone). */
    public static final String NAME = "organization-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OrganizationServiceApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
