package party.training;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import party.platform.EnablePlatform;

@SpringBootApplication
@EnablePlatform
public class TrainingServiceApplication {

    /** The service's own config file name, so several services can share one JVM (standalone). */
    public static final String NAME = "training-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TrainingServiceApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
