package party.member.development;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DevelopmentProperties.class)
class DevelopmentConfiguration {
}
