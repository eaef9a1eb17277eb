package party.organization.leadership;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the leadership settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadershipProperties.class)
class LeadershipConfiguration {
}
