package party.organization.liaison;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the settings of liaison points and field research. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiaisonProperties.class)
class LiaisonConfiguration {
}
