package dev.registrar.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Token accounting over real HTTP against the real PostgreSQL: batches, idempotency, refusals, revocation. */
class TokenAccountingIT extends RegistryServiceIT {

    private static final String TENANT_KEY = "dev-tenant-key";

    @Test
    void retriedBatchIsRecordedOnce() {
        String clientId = client("1.4.0");
        String batch = batch(clientId, "retry-" + UUID.randomUUID(), 1000, "mcp:tools");

        HttpResponse<String> first = post("/api/v1/tokens/batch", batch, TENANT_KEY);
        HttpResponse<String> retried = post("/api/v1/tokens/batch", batch, TENANT_KEY);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(read(first.body()).get("recorded").asInt()).isEqualTo(1000);
        assertThat(read(retried.body()).get("recorded").asInt()).isZero();
        assertThat(read(retried.body()).get("duplicates").asInt()).isEqualTo(1000);
        assertThat(jdbc.queryForObject("select count(*) from token where client_id = ?", Integer.class, clientId)).isEqualTo(1000);
        assertThat(tokenEventsFor(clientId)).isEqualTo(1000);
    }

    @Test
    void concurrentBatchesSharingTokenIdsRecordEachIdOnce() throws Exception {
        String clientId = client("1.4.0");
        String prefix = "shared-" + UUID.randomUUID();
        List<String> shared = IntStream.range(0, 900).mapToObj(i -> prefix + "-" + i).toList();
        List<String> batches = IntStream.range(0, 4).mapToObj(caller -> {
            List<String> ids = new ArrayList<>(shared);
            Collections.shuffle(ids, new Random(caller));
            IntStream.range(0, 100).forEach(i -> ids.add(prefix + "-own-" + caller + "-" + i));
            return batchOf(clientId, ids, "mcp:tools");
        }).toList();

        List<HttpResponse<String>> answers = concurrently(batches.stream()
                .map(batch -> (Callable<HttpResponse<String>>) () -> post("/api/v1/tokens/batch", batch, TENANT_KEY)).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(answers.stream().mapToInt(answer -> read(answer.body()).get("recorded").asInt()).sum()).isEqualTo(1300);
        assertThat(jdbc.queryForObject("select count(*) from token where client_id = ?", Integer.class, clientId)).isEqualTo(1300);
        assertThat(tokenEventsFor(clientId)).isEqualTo(1300);
    }

    /** The publisher tracks every position not yet committed as a gap: batches must not interleave theirs. */
    @Test
    void eachBatchsEventsTakeContiguousPositions() throws Exception {
        String clientId = client("1.4.0");
        List<String> prefixes = IntStream.range(0, 4).mapToObj(caller -> "contiguous-" + caller + "-" + UUID.randomUUID()).toList();

        List<HttpResponse<String>> answers = concurrently(prefixes.stream()
                .map(prefix -> (Callable<HttpResponse<String>>) () -> post("/api/v1/tokens/batch", batch(clientId, prefix, 500, "mcp:tools"),
                        TENANT_KEY)).toList());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        for (String prefix : prefixes) {
            Map<String, Object> positions = jdbc.queryForMap("select min(globalindex) as first, max(globalindex) as last, count(*) as events "
                    + "from domainevententry where payloadtype like '%TokenIssued' "
                    + "and convert_from(payload, 'UTF8')::json ->> 'tokenId' like ?", prefix + "-%");
            assertThat(positions.get("events")).isEqualTo(500L);
            assertThat((Long) positions.get("last") - (Long) positions.get("first")).as(prefix).isEqualTo(499L);
        }
    }

    @Test
    void tokenEventsNeverEnterTheClientsOwnStream() {
        String clientId = client("1.4.0");
        post("/api/v1/tokens/batch", batch(clientId, "stream-" + UUID.randomUUID(), 500, "mcp:tools"), TENANT_KEY);

        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, clientId))
                .isEqualTo(1);
    }

    @Test
    void tokenCarriesTheSoftwareVersionAtIssuance() {
        JsonNode client = registered("dev", confidential("versioned", "1.0.0"));
        String clientId = client.get("client_id").asText();
        post("/api/v1/tokens", token(clientId, "v1-" + UUID.randomUUID(), "mcp:tools"), TENANT_KEY);

        send("PUT", "/t/dev/register/" + clientId, "application/json",
                confidential("versioned", "2.0.0").replace("{", "{\"client_id\":\"" + clientId + "\","),
                client.get("registration_access_token").asText());
        post("/api/v1/tokens", token(clientId, "v2-" + UUID.randomUUID(), "mcp:tools"), TENANT_KEY);

        assertThat(jdbc.queryForList("select software_version from token where client_id = ? order by token_id", String.class, clientId))
                .containsExactly("1.0.0", "2.0.0");
    }

    @Test
    void tokenRowKeepsEveryValueAsSent() {
        String clientId = client("1.4.0");
        String tokenId = "exact-" + UUID.randomUUID();
        long issuedAt = Instant.now().getEpochSecond();
        String awkwardAudience = "urn:a \\\"quoted\\\", {braced} back\\\\slash";
        String token = "{\"token_id\":\"" + tokenId + "\",\"client_id\":\"" + clientId + "\",\"scope\":\"mcp:tools mcp:resources\","
                + "\"audience\":[\"https://mcp.example.com\",\"" + awkwardAudience + "\",\"NULL\"],\"grant_type\":\"refresh_token\","
                + "\"issued_at\":" + issuedAt + ",\"expires_at\":" + (issuedAt + 60) + "}";

        assertThat(post("/api/v1/tokens/batch", "{\"tokens\":[" + token + "]}", TENANT_KEY).statusCode()).isEqualTo(200);

        var row = jdbc.queryForMap("select tenant, client_id, software_id, software_version, scopes, audience, grant_type, subject, "
                + "extract(epoch from issued_at)::bigint as issued, extract(epoch from expires_at)::bigint as expires, revoked_at "
                + "from token where token_id = ?", tokenId);
        assertThat(row).containsEntry("tenant", "dev").containsEntry("client_id", clientId).containsEntry("software_id", "tokens")
                .containsEntry("software_version", "1.4.0").containsEntry("grant_type", "refresh_token")
                .containsEntry("subject", null).containsEntry("issued", issuedAt).containsEntry("expires", issuedAt + 60)
                .containsEntry("revoked_at", null);
        assertThat(jdbc.queryForList("select unnest(scopes) from token where token_id = ?", String.class, tokenId))
                .containsExactly("mcp:tools", "mcp:resources");
        assertThat(jdbc.queryForList("select unnest(audience) from token where token_id = ?", String.class, tokenId))
                .containsExactly("https://mcp.example.com", "urn:a \"quoted\", {braced} back\\slash", "NULL");
    }

    @Test
    void batchNamingAnUnknownClientIsRefusedWholeWith409() {
        String clientId = client("1.4.0");
        String prefix = "mixed-" + UUID.randomUUID();
        String batch = "{\"tokens\":[" + token(clientId, prefix + "-a", "mcp:tools") + "," + token("no-such-client", prefix + "-b", "") + "]}";

        HttpResponse<String> response = post("/api/v1/tokens/batch", batch, TENANT_KEY);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(read(response.body()).get("type").asText()).endsWith("/unknown-client");
        assertThat(jdbc.queryForObject("select count(*) from token where token_id like ?", Integer.class, prefix + "%")).isZero();
    }

    @Test
    void scopeBeyondTheGrantIsRefusedWith409() {
        String clientId = client("1.4.0");

        HttpResponse<String> response = post("/api/v1/tokens", token(clientId, "scope-" + UUID.randomUUID(), "mcp:tools admin"), TENANT_KEY);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(read(response.body()).get("type").asText()).endsWith("/scope-not-granted");
    }

    @Test
    void anotherTenantsClientIsUnknownToTheCaller() {
        String clientId = client("1.4.0");

        assertThat(post("/api/v1/tokens", token(clientId, "x-" + UUID.randomUUID(), ""), "other-tenant-key").statusCode()).isEqualTo(409);
    }

    @Test
    void malformedTokensAreRefusedWith400NamingTheToken() {
        String clientId = client("1.4.0");
        String expiresBeforeIssued = "{\"token_id\":\"t-" + UUID.randomUUID() + "\",\"client_id\":\"" + clientId
                + "\",\"grant_type\":\"authorization_code\",\"issued_at\":100,\"expires_at\":50}";

        HttpResponse<String> response = post("/api/v1/tokens/batch", "{\"tokens\":[" + expiresBeforeIssued + "]}", TENANT_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body()).get("detail").asText()).startsWith("token 0:");
        assertThat(post("/api/v1/tokens/batch", batch(clientId, "big-" + UUID.randomUUID(), 1001, ""), TENANT_KEY).statusCode())
                .isEqualTo(400);
    }

    @Test
    void revokedTokensAreCountedOnce() {
        String clientId = client("1.4.0");
        String id = "revoke-" + UUID.randomUUID();
        post("/api/v1/tokens", token(clientId, id, "mcp:tools"), TENANT_KEY);

        HttpResponse<String> first = post("/api/v1/tokens/revocations", "{\"token_ids\":[\"" + id + "\",\"never-issued\"]}", TENANT_KEY);
        HttpResponse<String> again = post("/api/v1/tokens/revocations", "{\"token_ids\":[\"" + id + "\"]}", TENANT_KEY);

        assertThat(read(first.body()).get("revoked").asInt()).isEqualTo(1);
        assertThat(read(again.body()).get("revoked").asInt()).isZero();
    }

    @Test
    void tokenApiNeedsATenantKey() {
        assertThat(post("/api/v1/tokens", token("c", "t", ""), null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/tokens", token("c", "t", ""), "admin-key").statusCode()).isEqualTo(403);
    }

    private String client(String version) {
        return registered("dev", confidential("tokens", version)).get("client_id").asText();
    }

    static String confidential(String softwareId, String version) {
        return "{\"redirect_uris\":[\"https://agent.example.com/cb\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                + "\"scope\":\"mcp:tools mcp:resources\",\"software_id\":\"" + softwareId + "\",\"software_version\":\"" + version + "\"}";
    }

    static String token(String clientId, String tokenId, String scope) {
        long now = Instant.now().getEpochSecond();
        return "{\"token_id\":\"" + tokenId + "\",\"client_id\":\"" + clientId + "\",\"scope\":\"" + scope
                + "\",\"audience\":[\"https://mcp.example.com\"],\"grant_type\":\"authorization_code\",\"sub\":\"user-42\","
                + "\"issued_at\":" + now + ",\"expires_at\":" + (now + 3600) + "}";
    }

    static String batch(String clientId, String prefix, int size, String scope) {
        return batchOf(clientId, IntStream.range(0, size).mapToObj(i -> prefix + "-" + i).toList(), scope);
    }

    private static String batchOf(String clientId, List<String> tokenIds, String scope) {
        return tokenIds.stream().map(id -> token(clientId, id, scope)).collect(Collectors.joining(",", "{\"tokens\":[", "]}"));
    }

    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = calls.stream().map(call -> callers.submit(() -> {
                start.await();
                return call.call();
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }

    private int tokenEventsFor(String clientId) {
        return jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%TokenIssued' "
                + "and convert_from(payload, 'UTF8') like ?", Integer.class, "%" + clientId + "%");
    }
}
