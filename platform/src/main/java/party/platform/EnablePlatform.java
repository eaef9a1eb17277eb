package party.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Switches on the platform building blocks for a service: outbox relay, inbox, Kafka error
 * handling and DLT admin, Problem Details, resource-server security and org scope, org-tree
 * projection, audit log, idempotency keys, MongoDB ping health.
 *
 * <p>Opt-in rather than auto-configuration because the standalone launcher hosts the gateway and
 * the authorization server in the same JVM and classpath, and they must not pick these up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PlatformConfiguration.class)
public @interface EnablePlatform {
}
