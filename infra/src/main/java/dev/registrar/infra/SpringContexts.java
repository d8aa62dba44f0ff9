package dev.registrar.infra;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Spring caches test contexts until the JVM exits, which is after the test run has stopped the
 * servers; a context closing then waits on a broker that is gone. Each context a test class used is
 * therefore registered in the root store after the servers, and JUnit closes stored resources in
 * reverse order: the contexts first, then the servers. Loaded only where spring-test is present.
 */
final class SpringContexts {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SpringContexts.class);

    private SpringContexts() {
    }

    static boolean present() {
        try {
            Class.forName("org.springframework.test.context.junit.jupiter.SpringExtension", false, SpringContexts.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    static void closeBeforeTheServers(ExtensionContext context) {
        boolean springTest = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), ExtendWith.class).stream()
                .anyMatch(extendWith -> java.util.List.of(extendWith.value()).contains(SpringExtension.class));
        if (!springTest) {
            return;
        }
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        if (application instanceof ConfigurableApplicationContext closable) {
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(System.identityHashCode(closable),
                    key -> (ExtensionContext.Store.CloseableResource) closable::close);
        }
    }
}
