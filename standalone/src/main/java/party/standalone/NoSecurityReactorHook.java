package party.standalone;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Keeps Spring Security's servlet configuration from installing its global Reactor hook here.
 * A servlet resource server that finds WebFlux on its classpath registers
 * {@code SecurityReactorContextConfiguration}, which wraps every Reactor operator in the JVM
 * ({@code Hooks.onLastOperator}) to hand the servlet's security context to WebClient calls. The
 * services have no WebFlux as deployed and make no such calls; here the gateway's WebFlux is on
 * the one classpath, and the hook wrapped every operator of the gateway's request handling too
 * (about a twentieth of its CPU per proxied request).
 */
final class NoSecurityReactorHook implements BeanFactoryPostProcessor {

    private static final String CONFIGURATION =
            "org.springframework.security.config.annotation.web.configuration.SecurityReactorContextConfiguration";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
            return;
        }
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (CONFIGURATION.equals(definition.getBeanClassName())
                    || "securityReactorContextSubscriberRegistrar".equals(definition.getFactoryMethodName())) {
                registry.removeBeanDefinition(name);
            }
        }
    }
}
