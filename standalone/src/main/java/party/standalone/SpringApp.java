package party.standalone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One application of the stack as its own Spring context in this JVM. The launcher's settings
 * (ports, URIs) take precedence over the application's own configuration file, and its
 * auto-configuration exclusions are added to those the application already declares (all apps
 * share one classpath, so each must switch off what belongs to the others).
 *
 * @param name application name, used in messages
 * @param builder the application's builder (it sets {@code spring.config.name})
 * @param overrides properties that win over the application's configuration
 * @param exclusions auto-configuration classes to exclude in addition to the application's own
 */
record SpringApp(String name, SpringApplicationBuilder builder, Map<String, Object> overrides, List<String> exclusions) {

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    SpringApp {
        overrides = new LinkedHashMap<>(overrides);
        exclusions = List.copyOf(exclusions);
    }

    ConfigurableApplicationContext run() {
        if (builder.application().getAllSources().iterator().next() instanceof Class<?> source) {
            builder.main(source); // "Started OrganizationServiceApplication", not the launcher's class
        }
        return builder
                .registerShutdownHook(false)
                .initializers(context -> context.addBeanFactoryPostProcessor(new NoSecurityReactorHook()))
                .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> apply(event.getEnvironment()))
                .run();
    }

    private void apply(ConfigurableEnvironment environment) {
        Set<String> excluded = new LinkedHashSet<>(
                Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.addAll(exclusions);
        Map<String, Object> properties = new LinkedHashMap<>(overrides);
        properties.put(EXCLUDE, String.join(",", new ArrayList<>(excluded)));
        environment.getPropertySources().addFirst(new MapPropertySource("standalone-launcher", properties));
    }
}
