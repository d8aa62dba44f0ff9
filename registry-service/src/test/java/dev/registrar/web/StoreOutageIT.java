package dev.registrar.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.RegistryServiceIT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * registry-service reaches PostgreSQL through a proxy the test cuts: while the store is away,
 * requests fail fast with 503 and a clear message, health says the database is down, and once it
 * is back the service recovers by itself.
 */
@DirtiesContext
class StoreOutageIT extends RegistryServiceIT {

    private static TcpProxy proxy;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            URI database = URI.create(System.getProperty("spring.datasource.url").substring("jdbc:".length()));
            try {
                proxy = new TcpProxy(database.getHost(), database.getPort());
            } catch (IOException failure) {
                throw new IllegalStateException(failure);
            }
            return "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath();
        });
    }

    @AfterAll
    static void closeProxy() throws IOException {
        proxy.close();
    }

    @Test
    void whileTheStoreIsAwayRequestsFailFastWith503AndTheServiceRecoversByItself() throws Exception {
        assertThat(register("dev", MCP_CLIENT).statusCode()).isEqualTo(201);

        proxy.cut();
        long start = System.nanoTime();
        HttpResponse<String> refused = register("dev", MCP_CLIENT);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(waited).as("no hanging on a dead connection").isLessThan(Duration.ofSeconds(8));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("/problems/store-unavailable").contains("nothing was recorded");
        HttpResponse<String> health = send("GET", "/actuator/health", null, null, null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"db\":{\"status\":\"DOWN\"}");

        proxy.restore();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (status != 201 && System.nanoTime() < deadline) {
            status = register("dev", MCP_CLIENT).statusCode();
            Thread.sleep(250);
        }
        assertThat(status).as("registrations succeed again without a restart").isEqualTo(201);
    }
}
