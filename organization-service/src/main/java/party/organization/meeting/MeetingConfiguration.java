package party.organization.meeting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the organizational-life rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeetingProperties.class)
class MeetingConfiguration {
}
