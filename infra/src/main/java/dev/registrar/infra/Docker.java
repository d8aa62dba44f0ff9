package dev.registrar.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * Whether the servers may run as Testcontainers. Asked only where an engine can plausibly answer
 * (a socket or DOCKER_HOST), because probing a machine without one costs seconds per start.
 * REGISTRAR_DOCKER=never forces the local servers even where Docker runs.
 */
final class Docker {

    private Docker() {
    }

    static boolean available(Map<String, String> environment) {
        if ("never".equals(environment.get("REGISTRAR_DOCKER"))) {
            return false;
        }
        boolean engineConfigured = environment.containsKey("DOCKER_HOST") || Files.exists(Path.of("/var/run/docker.sock"));
        if (!engineConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noEngine) {
            return false;
        }
    }
}
