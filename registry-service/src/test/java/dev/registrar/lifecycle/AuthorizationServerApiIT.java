package dev.registrar.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The calls an authorization server makes at authorize time, at its token endpoint and on
 * revocation, and the administrators' lifecycle operations, over real HTTP against PostgreSQL.
 */
class AuthorizationServerApiIT extends RegistryServiceIT {

    private static final String TENANT_KEY = "dev-tenant-key";

    @Test
    void rightSecretAuthenticatesAndAWrongOneIsInvalidClientRecordedAsASecurityEvent() {
        JsonNode client = confidential("auth", "1.0.0");
        String clientId = client.get("client_id").asText();

        assertThat(authenticate(clientId, client.get("client_secret").asText()).statusCode()).isEqualTo(200);

        int failuresBefore = failures(clientId);
        HttpResponse<String> wrong = authenticate(clientId, "not-the-secret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(read(wrong.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(failures(clientId)).isEqualTo(failuresBefore + 1);
    }

    @Test
    void anotherTenantCannotAuthenticateTheClientEvenWithItsSecret() {
        JsonNode client = confidential("auth", "1.0.0");
        String clientId = client.get("client_id").asText();

        HttpResponse<String> asOtherTenant = post("/api/v1/clients/" + clientId + "/authentication",
                "{\"client_secret\":\"" + client.get("client_secret").asText() + "\"}", "other-tenant-key");

        assertThat(asOtherTenant.statusCode()).isEqualTo(401);
        assertThat(read(asOtherTenant.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void repeatedFailuresForOneClientAreAnswered429WithRetryAfter() {
        String clientId = confidential("throttled", "1.0.0").get("client_id").asText();
        for (int i = 0; i < 5; i++) {
            assertThat(authenticate(clientId, "wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = authenticate(clientId, "wrong-again");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        String otherClient = confidential("throttled", "1.0.0").get("client_id").asText();
        assertThat(authenticate(otherClient, "wrong").statusCode()).as("other clients are not throttled").isEqualTo(401);
    }

    @Test
    void publicClientDoesNotAuthenticateWithASecret() {
        String clientId = registered("dev", MCP_CLIENT).get("client_id").asText();

        assertThat(authenticate(clientId, "anything").statusCode()).isEqualTo(401);
    }

    @Test
    void expiredSecretDoesNotAuthenticate() throws InterruptedException {
        JsonNode client = confidential("short-secret-app", "1.0.0");
        Thread.sleep(1100);

        assertThat(authenticate(client.get("client_id").asText(), client.get("client_secret").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void rotatedSecretAuthenticatesAndThePreviousOneStillDoesDuringTheGracePeriod() {
        JsonNode client = confidential("rotating", "1.0.0");
        String clientId = client.get("client_id").asText();

        HttpResponse<String> rotated = post("/api/v1/clients/" + clientId + "/client-secret", "", TENANT_KEY);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        JsonNode fresh = read(rotated.body());
        assertThat(fresh.get("client_secret").asText()).isNotEqualTo(client.get("client_secret").asText());
        assertThat(fresh.get("previous_secret_valid_until").asLong()).isGreaterThan(fresh.get("client_secret_expires_at").asLong() - 91L * 86400);
        assertThat(authenticate(clientId, fresh.get("client_secret").asText()).statusCode()).isEqualTo(200);
        assertThat(authenticate(clientId, client.get("client_secret").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void secretCloseToExpiryIsRotatedByPolicyOnTheClientsNextRead() {
        JsonNode client = confidential("policy-rotated", "1.0.0");
        String clientId = client.get("client_id").asText();
        String path = "/t/dev/register/" + clientId;
        String rat = client.get("registration_access_token").asText();
        assertThat(read(send("GET", path, null, null, rat).body()).has("client_secret")).as("not yet due").isFalse();
        // Ten days before expiry, as far as the read model knows: within the 14 days of rotate-before.
        jdbc.update("update client_registration set client_secret_expires_at = now() + interval '10 days' where client_id = ?", clientId);

        JsonNode read = read(send("GET", path, null, null, rat).body());

        String rotated = read.get("client_secret").asText();
        assertThat(rotated).isNotEqualTo(client.get("client_secret").asText());
        assertThat(authenticate(clientId, rotated).statusCode()).isEqualTo(200);
        assertThat(authenticate(clientId, client.get("client_secret").asText()).statusCode()).as("grace period").isEqualTo(200);
        assertThat(read(send("GET", path, null, null, rat).body()).has("client_secret")).as("rotated once").isFalse();
    }

    @Test
    void redirectUriCheckMatchesExactlyExceptTheLoopbackPort() {
        String clientId = registered("dev", MCP_CLIENT).get("client_id").asText();

        assertThat(redirectMatches(clientId, "http://127.0.0.1:33418/callback")).isTrue();
        assertThat(redirectMatches(clientId, "http://127.0.0.1:50123/callback")).isTrue();
        assertThat(redirectMatches(clientId, "http://127.0.0.1:33418/elsewhere")).isFalse();
        assertThat(redirectMatches(clientId, "https://evil.example.com/callback")).isFalse();
    }

    @Test
    void revokedClientLosesItsTokensItsSecretAndItsRegistration() {
        JsonNode client = confidential("revoked-app", "1.0.0");
        String clientId = client.get("client_id").asText();
        post("/api/v1/tokens/batch", dev.registrar.tokens.TokenAccountingITFixtures.batch(clientId, "rv-" + UUID.randomUUID(), 3), TENANT_KEY);

        HttpResponse<String> revoked = post("/api/v1/clients/" + clientId + "/revocation", "{\"reason\":\"leaked secret\"}", TENANT_KEY);

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(read(revoked.body()).get("tokens_revoked").asInt()).isEqualTo(3);
        assertThat(authenticate(clientId, client.get("client_secret").asText()).statusCode()).isEqualTo(401);
        JsonNode view = read(send("GET", "/api/v1/clients/" + clientId, null, null, TENANT_KEY).body());
        assertThat(view.get("status").asText()).isEqualTo("revoked");
        assertThat(view.get("status_reason").asText()).isEqualTo("leaked secret");
        assertThat(send("GET", "/t/dev/register/" + clientId, null, null, client.get("registration_access_token").asText()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> tokenAfter = post("/api/v1/tokens",
                dev.registrar.tokens.TokenAccountingITFixtures.token(clientId, "after-" + UUID.randomUUID()), TENANT_KEY);
        assertThat(tokenAfter.statusCode()).isEqualTo(409);
        assertThat(read(tokenAfter.body()).get("type").asText()).endsWith("/client-not-active");
    }

    @Test
    void bulkRevocationOfOneVersionRevokesOnlyThatVersionsClientsAndTokens() {
        String software = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode old1 = confidential(software, "1.0.0");
        JsonNode old2 = confidential(software, "1.0.0");
        JsonNode current = confidential(software, "2.0.0");
        for (JsonNode client : new JsonNode[] {old1, old2, current}) {
            String clientId = client.get("client_id").asText();
            post("/api/v1/tokens/batch", dev.registrar.tokens.TokenAccountingITFixtures.batch(clientId, "b-" + UUID.randomUUID(), 2), TENANT_KEY);
        }

        HttpResponse<String> response = send("POST", "/admin/v1/tenants/dev/revocations", "application/json",
                "{\"software_id\":\"" + software + "\",\"software_version\":\"1.0.0\",\"reason\":\"compromised release\"}", "admin-key");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = read(response.body());
        assertThat(report.get("clients_revoked").asInt()).isEqualTo(2);
        assertThat(report.get("tokens_revoked").asInt()).isEqualTo(4);
        assertThat(authenticate(old1.get("client_id").asText(), old1.get("client_secret").asText()).statusCode()).isEqualTo(401);
        assertThat(authenticate(old2.get("client_id").asText(), old2.get("client_secret").asText()).statusCode()).isEqualTo(401);
        assertThat(authenticate(current.get("client_id").asText(), current.get("client_secret").asText()).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from token where client_id = ? and revoked_at is null", Integer.class,
                current.get("client_id").asText())).isEqualTo(2);
    }

    @Test
    void bulkRevocationTakesAnInclusiveVersionRange() {
        String software = "range-" + UUID.randomUUID().toString().substring(0, 8);
        for (String version : new String[] {"1.9.0", "1.10.0", "1.11.0"}) {
            confidential(software, version);
        }

        HttpResponse<String> response = send("POST", "/admin/v1/tenants/dev/revocations", "application/json",
                "{\"software_id\":\"" + software + "\",\"version_from\":\"1.9.0\",\"version_to\":\"1.10.0\"}", "admin-key");

        assertThat(read(response.body()).get("clients_revoked").asInt()).isEqualTo(2);
    }

    @Test
    void deletedClientsLiveTokensAreRevoked() {
        JsonNode client = confidential("deleted-app", "1.0.0");
        String clientId = client.get("client_id").asText();
        post("/api/v1/tokens/batch", dev.registrar.tokens.TokenAccountingITFixtures.batch(clientId, "d-" + UUID.randomUUID(), 2), TENANT_KEY);

        send("DELETE", "/t/dev/register/" + clientId, null, null, client.get("registration_access_token").asText());

        assertThat(jdbc.queryForObject("select count(*) from token where client_id = ? and revoked_at is null", Integer.class, clientId))
                .isZero();
    }

    @Test
    void clientsPastTheirLifetimeOrStaleAreListedByTheDryRunAndExpiredByTheJob() throws InterruptedException {
        String shortLived = registered("dev", "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"none\","
                + "\"software_id\":\"short-life-app\"}").get("client_id").asText();
        String stale = registered("dev", MCP_CLIENT).get("client_id").asText();
        String staleButInUse = confidential("in-use", "1.0.0").get("client_id").asText();
        post("/api/v1/tokens", dev.registrar.tokens.TokenAccountingITFixtures.token(staleButInUse, "live-" + UUID.randomUUID()), TENANT_KEY);
        String usedLongAgo = confidential("used-long-ago", "1.0.0").get("client_id").asText();
        String usedRecently = confidential("used-recently", "1.0.0").get("client_id").asText();
        for (String client : List.of(usedLongAgo, usedRecently)) {
            post("/api/v1/tokens", dev.registrar.tokens.TokenAccountingITFixtures.token(client, "old-" + UUID.randomUUID()), TENANT_KEY);
        }
        // The clock cannot be moved for a running service: these registered 91 days ago, as far as the read model knows, and
        // their tokens have expired; one got its last token 91 days ago, the other 10 days ago.
        jdbc.update("update client_registration set registered_at = now() - interval '91 days' where client_id in (?, ?, ?, ?)",
                stale, staleButInUse, usedLongAgo, usedRecently);
        jdbc.update("update token set issued_at = now() - interval '91 days', expires_at = now() - interval '90 days' where client_id = ?",
                usedLongAgo);
        jdbc.update("update token set issued_at = now() - interval '10 days', expires_at = now() - interval '9 days' where client_id = ?",
                usedRecently);
        Thread.sleep(1100);

        JsonNode candidates = read(send("GET", "/admin/v1/lifecycle/expiry-candidates", null, null, "admin-key").body());
        assertThat(candidates.findValuesAsText("client_id")).contains(shortLived, stale, usedLongAgo)
                .doesNotContain(staleButInUse, usedRecently);
        assertThat(statusOf(stale)).as("a dry run changes nothing").isEqualTo("active");

        HttpResponse<String> expired = send("POST", "/admin/v1/lifecycle/expiry", null, null, "admin-key");

        assertThat(read(expired.body()).get("expired").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(statusOf(shortLived)).isEqualTo("expired");
        assertThat(jdbc.queryForObject("select status_reason from client_registration where client_id = ?", String.class, shortLived))
                .isEqualTo("lifetime");
        assertThat(jdbc.queryForObject("select status_reason from client_registration where client_id = ?", String.class, stale))
                .isEqualTo("stale");
        assertThat(statusOf(staleButInUse)).isEqualTo("active");
    }

    private JsonNode confidential(String softwareId, String version) {
        return registered("dev", "{\"redirect_uris\":[\"https://agent.example.com/cb\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                + "\"scope\":\"mcp:tools\",\"software_id\":\"" + softwareId + "\",\"software_version\":\"" + version + "\"}");
    }

    private HttpResponse<String> authenticate(String clientId, String secret) {
        return post("/api/v1/clients/" + clientId + "/authentication", "{\"client_secret\":\"" + secret + "\"}", TENANT_KEY);
    }

    private boolean redirectMatches(String clientId, String redirectUri) {
        HttpResponse<String> response = post("/api/v1/clients/" + clientId + "/redirect-uri-check",
                "{\"redirect_uri\":\"" + redirectUri + "\"}", TENANT_KEY);
        return read(response.body()).get("match").asBoolean();
    }

    private int failures(String clientId) {
        return jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%ClientAuthenticationFailed' "
                + "and convert_from(payload, 'UTF8') like ?", Integer.class, "%" + clientId + "%");
    }

    private String statusOf(String clientId) {
        return jdbc.queryForObject("select status from client_registration where client_id = ?", String.class, clientId);
    }
}
