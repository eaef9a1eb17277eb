package party.training.support;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrainingProperties.class)
class TrainingConfiguration {

    /** Time of every training rule (windows, watch time); tests supply a @Primary one to step through hours without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
