package party.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import party.platform.test.TestHttp;
import party.standalone.RunningStack;
import party.standalone.Standalone;
import party.standalone.StandaloneOptions;

/**
 * One standalone stack (fresh data folder, free ports, demo data) shared by the scenario classes
 * that leave it as they found it: each start costs seconds, so the training, assessment and gateway
 * scenarios get it as a {@code RunningStack} parameter of their {@code @BeforeAll} and it is
 * stopped when the whole run ends (JUnit closes it from the root store). Scenarios that stop parts
 * of the stack (SliceST) start their own; they run first (see junit-platform.properties), so no two
 * stacks are up at once.
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** The running stack, closed with the root store. */
    private record Running(RunningStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> start(), Running.class).stack();
    }

    private static Running start() {
        try {
            return new Running(Standalone.start(StandaloneOptions.defaults()
                    .withDataDir(Files.createTempDirectory("party-system-tests-shared")).withFreePorts()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestHttp gateway(RunningStack stack, String token) {
        return TestHttp.at(stack.gatewayUrl()).as(token);
    }
}
