package dev.registrar.infra;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the servers of {@link WithLocalServers} once per test run, in the root context's store,
 * which JUnit closes at the end of the run. Later classes asking for more servers than the first
 * started get a stack that has them all.
 */
final class LocalServersExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalServersExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        servers(context).springProperties().forEach(System::setProperty);
    }

    /**
     * Registers the test's Spring context while it is certainly in use: after the class, a context
     * marked dirty is already closed, and asking for it would load it again and leave it running.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (SpringContexts.present()) {
            SpringContexts.closeBeforeTheServers(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return servers(context);
    }

    private static LocalServers servers(ExtensionContext context) {
        Set<Server> wanted = EnumSet.noneOf(Server.class);
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithLocalServers.class)
                .ifPresent(annotation -> wanted.addAll(List.of(annotation.value())));
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        RunningServers running = store.get(RunningServers.class, RunningServers.class);
        if (running != null && running.servers().containsAll(wanted)) {
            return running.stack();
        }
        if (running != null) {
            // A class needs a server the running stack lacks: restart it with the union of both.
            wanted.addAll(running.servers());
            store.remove(RunningServers.class);
            running.close();
        }
        RunningServers started = RunningServers.start(wanted);
        store.put(RunningServers.class, started);
        return started.stack();
    }

    private record RunningServers(Set<Server> servers, LocalServers stack) implements ExtensionContext.Store.CloseableResource {

        static RunningServers start(Set<Server> servers) {
            try {
                StackSettings settings = StackSettings.forProfile("test", true, System.getenv());
                return new RunningServers(Set.copyOf(servers), LocalServers.start(settings, servers, System.getenv()));
            } catch (Exception failure) {
                throw new IllegalStateException("could not start the test servers " + servers + ": " + failure.getMessage(), failure);
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
