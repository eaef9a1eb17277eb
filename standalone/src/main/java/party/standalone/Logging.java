package party.standalone;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One logging setup for the whole JVM. Several Spring applications run here, and each would
 * otherwise re-initialize the shared Logback context as it starts; instead the launcher configures
 * Logback once ({@code standalone-logback.xml}: the thread name, which is the application's name
 * during its start-up, prefixes each line) and tells Spring Boot to leave logging alone.
 */
final class Logging {

    private static final String CONFIG = "standalone-logback.xml";

    private Logging() {
    }

    static void configure() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        URL config = Logging.class.getClassLoader().getResource(CONFIG);
        if (config == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("bad " + CONFIG, e);
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Flushes and stops Logback: the last step of a shutdown. */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
