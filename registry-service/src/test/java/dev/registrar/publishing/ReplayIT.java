package dev.registrar.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A replay republishes the event store to Kafka from its first event, and reports its progress until done. */
class ReplayIT extends RegistryServiceIT {

    @Test
    void replayRepublishesEveryStoredEventAndReportsProgressUntilDone() throws Exception {
        String clientId = registered("dev", MCP_CLIENT).get("client_id").asText();
        assertThat(publishedFor(clientId, 1)).isEqualTo(1);

        HttpResponse<String> started = send("POST", "/admin/v1/replay", null, null, "admin-key");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);

        JsonNode progress = awaitDone(Duration.ofSeconds(60));
        assertThat(progress.get("position").asLong()).isGreaterThanOrEqualTo(progress.get("head").asLong());
        assertThat(progress.get("percent").asInt()).isEqualTo(100);
        assertThat(publishedFor(clientId, 2)).as("the registration is on the topic again").isEqualTo(2);
    }

    @Test
    void replayNeedsTheAdminKey() {
        assertThat(send("POST", "/admin/v1/replay", null, null, "dev-tenant-key").statusCode()).isEqualTo(403);
    }

    private JsonNode awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = read(send("GET", "/admin/v1/replay", null, null, "admin-key").body());
            if (!progress.get("replaying").asBoolean() && progress.get("position").asLong() >= progress.get("head").asLong()) {
                return progress;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("replay not done within " + timeout.toSeconds() + " s: " + progress);
    }

    /** How many records keyed by this client the topic holds, once at least {@code expected} are there (or 30 s passed). */
    private int publishedFor(String clientId, int expected) {
        return published(record -> clientId.equals(record.key()), expected).size();
    }
}
