package party.member;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import party.platform.EnablePlatform;

@SpringBootApplication
@EnablePlatform
public class MemberServiceApplication {

    /** The service's own config file name, so several services can share one JVM (standalone). */
    public static final String NAME = "member-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MemberServiceApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
