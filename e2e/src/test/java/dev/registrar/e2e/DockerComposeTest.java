package dev.registrar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.infra.StackSettings;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot be run here (no Docker engine), so at least its shape and references are checked. */
class DockerComposeTest {

    private final Path home = StackSettings.forProfile("test", false, System.getenv()).home();

    @Test
    @SuppressWarnings("unchecked")
    void composeFileParsesAndEveryServiceIsBuildableHealthCheckedAndWired() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(home.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsOnlyKeys("postgres", "kafka", "elasticsearch", "registry-service", "audit-projector", "reporting-api");
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                assertThat(home.resolve((String) service.get("build")).resolve("Dockerfile")).as(name).exists();
                assertThat(home.resolve((String) service.get("build")).resolve("pom.xml")).as(name).exists();
            } else {
                assertThat((String) service.get("image")).as(name).isNotBlank();
                assertThat(service).as(name).containsKey("healthcheck");
            }
            Object dependsOn = service.getOrDefault("depends_on", Map.of());
            ((Map<String, Object>) dependsOn).keySet().forEach(dependency -> assertThat(services).as(name).containsKey(dependency));
        });
        assertThat((String) services.get("elasticsearch").get("image")).endsWith(":8.19.4");
    }

    @Test
    void everyServiceDockerfileChecksItsHealthEndpoint() throws Exception {
        for (String module : List.of("registry-service", "audit-projector", "reporting-api")) {
            String dockerfile = Files.readString(home.resolve(module).resolve("Dockerfile"));
            assertThat(dockerfile).as(module).contains("HEALTHCHECK").contains("/actuator/health").contains("target/" + module);
        }
    }
}
