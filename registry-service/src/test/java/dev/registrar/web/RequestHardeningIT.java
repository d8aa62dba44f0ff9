package dev.registrar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Security headers everywhere, bounded bodies and JSON, API key rotation and revocation, throttled bad tokens. */
class RequestHardeningIT extends RegistryServiceIT {

    @Autowired
    private MeterRegistry meters;

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoStackTrace() {
        for (HttpResponse<String> response : List.of(
                register("dev", MCP_CLIENT),
                register("dev", "{\"redirect_uris\":[\"javascript:alert(1)\"]}"),
                send("GET", "/api/v1/clients/nope", null, null, null),
                send("GET", "/api/v1/clients/nope", null, null, "dev-tenant-key"),
                register("dev", "{not json"))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aSmallAnswerIsSentWholeWithItsLengthAndALargeOneStillArrivesWhole() {
        HttpResponse<String> small = register("dev", MCP_CLIENT);
        assertThat(small.statusCode()).isEqualTo(201);
        assertThat(small.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(small.headers().firstValueAsLong("Content-Length"))
                .hasValue(small.body().getBytes(StandardCharsets.UTF_8).length);

        List<String> longUris = IntStream.range(0, 10)
                .mapToObj(i -> "https://agent.example.com/callback/" + i + "/" + "x".repeat(1_500))
                .toList();
        HttpResponse<String> large = register("dev", "{\"redirect_uris\":" + json.valueToTree(longUris) + "}");
        assertThat(large.statusCode()).isEqualTo(201);
        assertThat(large.body().length()).as("larger than Tomcat's 8 KiB buffer").isGreaterThan(15_000);
        assertThat(read(large.body()).get("redirect_uris")).hasSize(10);
    }

    @Test
    void requestsAreNotTimedForMetricsNobodyCanRead() {
        assertThat(send("GET", "/api/v1/clients/nope", null, null, "dev-tenant-key").statusCode()).isEqualTo(404);

        assertThat(meters.find("http.server.requests").meters()).isEmpty();
    }

    @Test
    void aBodyLargerThanItsEndpointAcceptsIsRefusedBeforeItIsRead() {
        String large = "{\"client_secret\":\"" + "x".repeat(70_000) + "\"}";

        HttpResponse<String> refused = post("/api/v1/clients/any/authentication", large, "dev-tenant-key");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("/problems/payload-too-large");
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsABadRequest() {
        String deep = "{\"reason\":\"x\",\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";

        HttpResponse<String> refused = post("/admin/v1/tenants/dev/revocations", deep, "admin-key");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aRotatedTenantKeyWorksAtOnceThePreviousOneForItsGraceAndARevokedOneNoMore() {
        String tenant = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        String first = read(post("/admin/v1/tenants", "{\"id\":\"" + tenant + "\"}", "admin-key").body()).get("api_key").asText();

        JsonNode rotated = read(post("/admin/v1/tenants/" + tenant + "/api-key/rotation", "{\"previous_valid_for_seconds\":600}",
                "admin-key").body());
        String second = rotated.get("api_key").asText();
        assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(lookUp(second)).isEqualTo(404);
        assertThat(lookUp(first)).as("the previous key, within its grace").isEqualTo(404);

        String third = read(post("/admin/v1/tenants/" + tenant + "/api-key/rotation", "{\"previous_valid_for_seconds\":0}",
                "admin-key").body()).get("api_key").asText();
        assertThat(lookUp(first)).as("two rotations ago").isEqualTo(401);
        assertThat(lookUp(second)).as("no grace asked for").isEqualTo(401);
        assertThat(lookUp(third)).isEqualTo(404);

        assertThat(post("/admin/v1/tenants/" + tenant + "/api-key/revocation", "{\"reason\":\"leaked in a log\"}", "admin-key")
                .statusCode()).isEqualTo(204);
        assertThat(lookUp(third)).isEqualTo(401);
        assertThat(published(record -> record.value().contains("\"tenantId\":\"" + tenant + "\"")
                && record.value().contains("\"type\":\"tenant.api-key-")
                && !record.value().contains(first) && !record.value().contains(second) && !record.value().contains(third), 3))
                .as("two rotations and a revocation, published without the keys").hasSize(3);
    }

    @Test
    void repeatedWrongRegistrationAccessTokensForOneClientAreThrottled() {
        JsonNode client = registered("dev", MCP_CLIENT);
        String uri = "/t/dev/register/" + client.get("client_id").asText();
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", uri, null, null, "wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = send("GET", uri, null, null, client.get("registration_access_token").asText());

        assertThat(throttled.statusCode()).as("even the right token waits once the allowance is spent").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        JsonNode other = registered("dev", MCP_CLIENT);
        assertThat(send("GET", "/t/dev/register/" + other.get("client_id").asText(), null, null,
                other.get("registration_access_token").asText()).statusCode()).as("other clients are not throttled").isEqualTo(200);
    }

    private int lookUp(String key) {
        return send("GET", "/api/v1/clients/" + UUID.randomUUID(), null, null, key).statusCode();
    }
}
