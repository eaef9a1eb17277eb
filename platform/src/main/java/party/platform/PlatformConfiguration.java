package party.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import party.platform.admin.AdminController;
import party.platform.audit.AuditLog;
import party.platform.events.EventsConfiguration;
import party.platform.mongo.MongoPingHealthIndicator;
import party.platform.orgtree.OrgTree;
import party.platform.orgtree.OrgTreeListener;
import party.platform.pii.PiiCipher;
import party.platform.scheduling.ReplicaConfiguration;
import party.platform.security.SecurityConfiguration;
import party.platform.web.Idempotency;
import party.platform.web.OpenApiConfiguration;
import party.platform.web.ProblemDetailsAdvice;
import party.platform.web.Problems;

/** The building blocks a service gets with {@link EnablePlatform}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
@EnableScheduling
@Import({EventsConfiguration.class, SecurityConfiguration.class, ProblemDetailsAdvice.class, AdminController.class,
        OpenApiConfiguration.class, ReplicaConfiguration.class})
public class PlatformConfiguration {

    @Bean
    Problems problems(MessageSource messageSource) {
        return new Problems(messageSource);
    }

    @Bean
    Idempotency idempotency(MongoTemplate mongo) {
        return new Idempotency(mongo);
    }

    @Bean
    AuditLog auditLog(MongoTemplate mongo) {
        return new AuditLog(mongo);
    }

    @Bean
    OrgTree orgTree(MongoTemplate mongo) {
        return new OrgTree(mongo);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "party.org-tree.projection", matchIfMissing = true)
    OrgTreeListener orgTreeListener(OrgTree tree) {
        return new OrgTreeListener(tree);
    }

    /** Only services that hold personal data configure keys. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("party.pii.active-key-id")
    PiiCipher piiCipher(PlatformProperties properties) {
        return new PiiCipher(properties.pii());
    }

    /** Replaces Boot's MongoDB check (see {@link MongoPingHealthIndicator}); disable Boot's with management.health.mongo.enabled=false. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
