package dev.registrar.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Administrator and auditor keys issued, used, rotated and revoked through the admin API, over real
 * HTTP against PostgreSQL and Kafka; the use of every key is written down as events.
 */
class AccessKeysIT extends RegistryServiceIT {

    @Autowired
    private KeyUsage usage;

    @Test
    void anIssuedAdministratorKeyAdministersAndIsNamedOnWhatItDoes() {
        JsonNode issued = issue("{\"role\":\"admin\",\"label\":\"ops on-call\"}");
        String key = issued.get("access_key").asText();
        assertThat(key).hasSize(43);
        assertThat(issued.has("tenant")).isFalse();

        HttpResponse<String> created = post("/admin/v1/tenants", "{\"id\":\"made-by-" + issued.get("key_id").asText().substring(0, 8) + "\"}", key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String tenant = read(created.body()).get("id").asText();
        List<ConsumerRecord<String, String>> configured = published(record -> record.value().contains("\"tenant.configured\"")
                && record.value().contains("\"tenantId\":\"" + tenant + "\""), 1);
        assertThat(configured).hasSize(1);
        JsonNode actor = read(configured.get(0).value()).get("actor");
        assertThat(actor.get("kind").asText()).isEqualTo("admin");
        assertThat(actor.get("id").asText()).as("the key that acted, never the key itself").isEqualTo(issued.get("key_id").asText());

        JsonNode listed = read(send("GET", "/admin/v1/access-keys/" + issued.get("key_id").asText(), null, null, "admin-key").body());
        assertThat(listed.get("role").asText()).isEqualTo("admin");
        assertThat(listed.get("status").asText()).isEqualTo("active");
        assertThat(listed.toString()).doesNotContain(key);
        assertThat(jdbc.queryForObject("select count(*) from credential where owner_id = ? and kind = 'ACCESS_KEY'", Integer.class,
                issued.get("key_id").asText())).isEqualTo(1);
    }

    @Test
    void aTenantScopedAuditorKeyCountsOnlyItsTenantsEvents() {
        JsonNode issued = issue("{\"role\":\"auditor\",\"tenant\":\"other\",\"label\":\"other's auditor\"}");
        String key = issued.get("access_key").asText();
        registered("other", MCP_CLIENT);
        registered("dev", MCP_CLIENT);

        JsonNode identity = read(send("GET", "/audit/v1/caller", null, null, key).body());
        assertThat(identity.get("role").asText()).isEqualTo("auditor");
        assertThat(identity.get("tenant").asText()).isEqualTo("other");
        assertThat(identity.get("key_id").asText()).isEqualTo(issued.get("key_id").asText());

        long ofOther = read(send("GET", "/audit/v1/event-counts", null, null, key).body()).get("client.registered").asLong();
        long ofEvery = read(send("GET", "/audit/v1/event-counts", null, null, "auditor-key").body()).get("client.registered").asLong();
        assertThat(ofOther).isEqualTo(jdbc.queryForObject("select count(*) from client_registration where tenant = 'other'", Long.class));
        assertThat(ofEvery).isGreaterThan(ofOther);
        assertThat(read(send("GET", "/audit/v1/event-counts?tenant=other", null, null, "auditor-key").body()).get("client.registered")
                .asLong()).as("an auditor of every tenant asks for one").isEqualTo(ofOther);
        assertThat(send("GET", "/audit/v1/event-counts?tenant=dev", null, null, key).statusCode())
                .as("a scoped auditor asks for another tenant").isEqualTo(400);

        assertThat(send("GET", "/admin/v1/tenants", null, null, key).statusCode()).as("an auditor never administers").isEqualTo(403);
        assertThat(post("/admin/v1/access-keys", "{\"role\":\"auditor\",\"tenant\":\"nobody\",\"label\":\"x\"}", "admin-key").statusCode())
                .isEqualTo(404);
    }

    @Test
    void rotationKeepsThePreviousKeyForTheGracePeriodAndRevocationStopsItAtOnce() {
        JsonNode issued = issue("{\"role\":\"auditor\",\"label\":\"rotated\"}");
        String keyId = issued.get("key_id").asText();
        String first = issued.get("access_key").asText();

        JsonNode withGrace = read(post("/admin/v1/access-keys/" + keyId + "/rotation", "{\"previous_valid_for_seconds\":3600}", "admin-key").body());
        String second = withGrace.get("access_key").asText();
        assertThat(callerStatus(first)).as("the previous key, within its grace period").isEqualTo(200);
        assertThat(callerStatus(second)).isEqualTo(200);

        JsonNode immediate = read(post("/admin/v1/access-keys/" + keyId + "/rotation", "{\"previous_valid_for_seconds\":0}", "admin-key").body());
        String third = immediate.get("access_key").asText();
        assertThat(callerStatus(second)).as("a rotation without grace ends the previous key now").isEqualTo(401);
        assertThat(callerStatus(third)).isEqualTo(200);

        assertThat(post("/admin/v1/access-keys/" + keyId + "/revocation", "{\"reason\":\"auditor left\"}", "admin-key").statusCode()).isEqualTo(204);
        assertThat(callerStatus(third)).isEqualTo(401);
        assertThat(post("/admin/v1/access-keys/" + keyId + "/revocation", "{\"reason\":\"again\"}", "admin-key").statusCode()).isEqualTo(409);
        assertThat(post("/admin/v1/access-keys/" + keyId + "/rotation", "{}", "admin-key").statusCode()).isEqualTo(409);
        JsonNode revoked = read(send("GET", "/admin/v1/access-keys/" + keyId, null, null, "admin-key").body());
        assertThat(revoked.get("status").asText()).isEqualTo("revoked");
        assertThat(revoked.get("revoked_reason").asText()).isEqualTo("auditor left");
        assertThat(jdbc.queryForObject("select count(*) from credential where owner_id = ?", Integer.class, keyId)).isZero();

        assertThat(published(record -> record.key().equals(keyId) && record.value().contains("\"type\":\"access-key.")
                && !record.value().contains("\"access-key.used\""), 4)
                .stream().map(record -> read(record.value()).get("type").asText()).toList())
                .containsExactly("access-key.issued", "access-key.rotated", "access-key.rotated", "access-key.revoked");
    }

    @Test
    void refusedRequestsAreAnsweredWithAStableCode() {
        assertThat(post("/admin/v1/access-keys", "{\"role\":\"admin\",\"tenant\":\"dev\",\"label\":\"x\"}", "admin-key").statusCode())
                .as("an administrator key is never scoped").isEqualTo(400);
        HttpResponse<String> badRole = post("/admin/v1/access-keys", "{\"role\":\"root\",\"label\":\"x\"}", "admin-key");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("/problems/invalid-request");
        assertThat(post("/admin/v1/access-keys", "{\"role\":\"auditor\",\"label\":\"\"}", "admin-key").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/admin/v1/access-keys/no-such-key/revocation", "{\"reason\":\"x\"}", "admin-key");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/problems/not-found");
    }

    @Test
    void everyKeysUseIsWrittenDownPerOperationAndStatus() {
        JsonNode issued = issue("{\"role\":\"admin\",\"label\":\"counted\"}");
        String keyId = issued.get("key_id").asText();
        String key = issued.get("access_key").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/admin/v1/tenants/dev", null, null, key).statusCode()).isEqualTo(200);
        }
        assertThat(send("GET", "/admin/v1/tenants/nobody", null, null, key).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/clients/someone", null, null, key).statusCode()).isEqualTo(403);

        usage.flush();

        List<ConsumerRecord<String, String>> used = published(record -> record.key().equals(keyId)
                && record.value().contains("\"access-key.used\""), 1);
        assertThat(used).hasSize(1);
        JsonNode envelope = read(used.get(0).value());
        JsonNode payload = envelope.get("payload");
        assertThat(payload.get("role").asText()).isEqualTo("admin");
        assertThat(payload.get("calls").asLong()).isEqualTo(5);
        Map<String, Long> byOperation = new java.util.TreeMap<>();
        payload.get("operations").forEach(operation -> byOperation.put(operation.get("operation").asText() + " " + operation.get("status").asInt(),
                operation.get("calls").asLong()));
        assertThat(byOperation).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /admin/v1/tenants/{tenant} 200", 3L,
                "GET /admin/v1/tenants/{tenant} 404", 1L,
                "GET /api/** 403", 1L));
        assertThat(envelope.get("actor").get("id").asText()).isEqualTo(keyId);
        assertThat(Instant.parse(read(send("GET", "/admin/v1/access-keys/" + keyId, null, null, "admin-key").body())
                .get("last_used_at").asText()))
                .as("PostgreSQL keeps microseconds, rounded").isCloseTo(Instant.parse(payload.get("lastUsedAt").asText()),
                        within(1, ChronoUnit.MICROS));
    }

    @Test
    void tenantKeysUseIsWrittenDownToo() {
        String client = registered("dev", MCP_CLIENT).get("client_id").asText();
        long start = System.currentTimeMillis();
        assertThat(send("GET", "/api/v1/clients/" + client, null, null, "dev-tenant-key").statusCode()).isEqualTo(200);

        usage.flush();

        List<ConsumerRecord<String, String>> used = published(record -> record.key().equals("config:tenant:dev")
                && record.timestamp() >= start && record.value().contains("GET /api/v1/clients/{clientId}"), 1);
        assertThat(used).hasSize(1);
        JsonNode envelope = read(used.get(0).value());
        assertThat(envelope.get("tenant").asText()).isEqualTo("dev");
        assertThat(envelope.get("payload").get("role").asText()).isEqualTo("tenant");
    }

    private JsonNode issue(String request) {
        HttpResponse<String> issued = post("/admin/v1/access-keys", request, "admin-key");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        return read(issued.body());
    }

    private int callerStatus(String key) {
        return send("GET", "/audit/v1/caller", null, null, key).statusCode();
    }
}
