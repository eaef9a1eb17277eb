package party.assessment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import party.platform.EnablePlatform;

@SpringBootApplication
@EnablePlatform
public class AssessmentServiceApplication {

    /** The service's own config file name, so several services can share one JVM (standalone). */
    public static final String NAME = "assessment-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AssessmentServiceApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
