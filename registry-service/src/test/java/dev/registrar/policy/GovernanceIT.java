package dev.registrar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Governance policy and initial access tokens, over real HTTP. */
class GovernanceIT extends RegistryServiceIT {

    private static final String RESTRICTED = """
            {"redirect_uris":["https://restricted.example.com/cb"],"token_endpoint_auth_method":"none",
             "scope":"mcp:tools admin:all","software_id":"restricted-%s"}""";
    private static final String TOOL = """
            {"redirect_uris":["http://127.0.0.1/cb"],"token_endpoint_auth_method":"none","scope":"read write","software_id":"%s"}""";

    @Test
    void requestedScopesAreDownScopedToThePolicyAndTheResponseShowsTheGrant() {
        JsonNode client = registered("dev", RESTRICTED.formatted("scopes"));

        assertThat(client.get("scope").asText()).isEqualTo("mcp:tools");
    }

    @Test
    void redirectUriOutsideThePolicyAllowlistIsRefused() {
        HttpResponse<String> response = register("dev", RESTRICTED.formatted("allowlist").replace("https://restricted.example.com/cb",
                "https://elsewhere.example.com/cb"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body()).get("error").asText()).isEqualTo("invalid_redirect_uri");
    }

    @Test
    void activeClientQuotaPerSoftwareIdIsEnforced() {
        registered("dev", RESTRICTED.formatted("quota"));
        registered("dev", RESTRICTED.formatted("quota"));

        HttpResponse<String> third = register("dev", RESTRICTED.formatted("quota"));

        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(read(third.body()).get("error_description").asText()).contains("active clients");
    }

    @Test
    void softwareThatMustPresentAStatementIsRefusedWithoutOne() {
        HttpResponse<String> response = register("dev", TOOL.formatted("signed-tool"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body()).get("error").asText()).isEqualTo("invalid_software_statement");
    }

    @Test
    void registrationRecordsThePolicyVersionInForceAndAnAdminChangeIsTheNextVersion() {
        JsonNode before = registered("dev", TOOL.formatted("versioned"));
        long versionBefore = policyVersionOf(before);
        assertThat(versionBefore).isPositive();

        HttpResponse<String> change = send("PUT", "/admin/v1/tenants/other/policy", "application/json",
                "{\"rules\":[{\"software_id_pattern\":\"*\",\"allowed_scopes\":[\"read\"]}]}", "admin-key");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        long otherVersion = read(change.body()).get("version").asLong();

        JsonNode client = registered("other", TOOL.formatted("versioned"));
        assertThat(client.get("scope").asText()).isEqualTo("read");
        assertThat(policyVersionOf(client)).isEqualTo(otherVersion);
        assertThat(read(send("GET", "/admin/v1/tenants/other/policy", null, null, "admin-key").body()).get("version").asLong())
                .isEqualTo(otherVersion);
    }

    @Test
    void policyAdministrationNeedsTheAdminKey() {
        assertThat(send("GET", "/admin/v1/tenants/dev/policy", null, null, "dev-tenant-key").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/admin/v1/tenants/dev/policy", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void gatedTenantRefusesRegistrationWithoutAnInitialAccessToken() {
        HttpResponse<String> response = register("gated", TOOL.formatted("tool-a"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertThat(read(response.body()).get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void initialAccessTokenAdmitsWithinItsConstraintsAndUsesThenRunsOut() {
        JsonNode token = issueToken("{\"max_uses\":1,\"allowed_software_ids\":[\"tool-*\"],\"allowed_scopes\":[\"read\"]}");
        String value = token.get("initial_access_token").asText();

        HttpResponse<String> wrongSoftware = registerWith(value, TOOL.formatted("other-software"));
        assertThat(wrongSoftware.statusCode()).isEqualTo(400);

        HttpResponse<String> admitted = registerWith(value, TOOL.formatted("tool-a"));
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);
        assertThat(read(admitted.body()).get("scope").asText()).isEqualTo("read");

        assertThat(registerWith(value, TOOL.formatted("tool-b")).statusCode()).as("used up").isEqualTo(401);
    }

    @Test
    void revokedInitialAccessTokenIsRefused() {
        JsonNode token = issueToken("{\"max_uses\":5}");

        assertThat(send("DELETE", "/admin/v1/tenants/gated/initial-access-tokens/" + token.get("id").asText(), null, null, "admin-key")
                .statusCode()).isEqualTo(204);

        assertThat(registerWith(token.get("initial_access_token").asText(), TOOL.formatted("tool-c")).statusCode()).isEqualTo(401);
    }

    @Test
    void expiredInitialAccessTokenIsRefused() throws InterruptedException {
        JsonNode token = issueToken("{\"expires_in\":1}");
        Thread.sleep(1100);

        assertThat(registerWith(token.get("initial_access_token").asText(), TOOL.formatted("tool-d")).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownInitialAccessTokenIsRefused() {
        assertThat(registerWith("made-up-token", TOOL.formatted("tool-e")).statusCode()).isEqualTo(401);
    }

    @Test
    void initialAccessTokenIsStoredOnlyAsAHash() {
        JsonNode token = issueToken("{}");

        String stored = jdbc.queryForObject("select encode(hash, 'base64') from credential where owner_id = ?", String.class,
                token.get("id").asText());
        assertThat(stored).doesNotContain(token.get("initial_access_token").asText());
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where convert_from(payload, 'UTF8') like ?",
                Integer.class, "%" + token.get("initial_access_token").asText() + "%")).isZero();
    }

    @Test
    void revokingAnUnknownInitialAccessTokenIs404() {
        assertThat(send("DELETE", "/admin/v1/tenants/gated/initial-access-tokens/no-such-token", null, null, "admin-key").statusCode())
                .isEqualTo(404);
    }

    private JsonNode issueToken(String request) {
        HttpResponse<String> issued = send("POST", "/admin/v1/tenants/gated/initial-access-tokens", "application/json", request, "admin-key");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return read(issued.body());
    }

    private HttpResponse<String> registerWith(String initialAccessToken, String body) {
        return send("POST", "/t/gated/register", "application/json", body, initialAccessToken);
    }

    private long policyVersionOf(JsonNode client) {
        return jdbc.queryForObject("select policy_version from client_registration where client_id = ?", Long.class,
                client.get("client_id").asText());
    }
}
