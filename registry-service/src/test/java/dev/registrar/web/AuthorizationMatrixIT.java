package dev.registrar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint behind a key, called with no credentials, a malformed header, a revoked key,
 * another tenant's key and a key of the wrong role: each gets the right 401, 403 or 404 with a
 * problem body (client authentication answers in OAuth's terms), and nothing is recorded but the
 * failed authentications, which are security events.
 */
class AuthorizationMatrixIT extends RegistryServiceIT {

    private record Endpoint(String method, String path, String body, Role role) {
    }

    private enum Role { TENANT, ADMIN, AUDITOR }

    private record Presented(String name, String header) {
    }

    @Test
    void everyProtectedEndpointRefusesTheWrongCallerAndChangesNothing() {
        String client = registered("dev", MCP_CLIENT).get("client_id").asText();
        String revokedKey = revokedTenantKey();
        String revokedAccessKey = revokedAuditorKey();
        Map<Role, List<String>> keys = Map.of(Role.TENANT, List.of("dev-tenant-key"),
                Role.ADMIN, List.of("admin-key", issuedKey("{\"role\":\"admin\",\"label\":\"matrix\"}")),
                Role.AUDITOR, List.of("auditor-key", issuedKey("{\"role\":\"auditor\",\"label\":\"matrix\"}"),
                        issuedKey("{\"role\":\"auditor\",\"tenant\":\"dev\",\"label\":\"matrix\"}")));
        List<Endpoint> endpoints = endpoints(client);
        long eventsBefore = events();

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Presented presented : List.of(
                    new Presented("no credentials", null),
                    new Presented("malformed", "Basic ZGV2OmRldg=="),
                    new Presented("empty bearer", "Bearer "),
                    new Presented("revoked key", "Bearer " + revokedKey),
                    new Presented("revoked access key", "Bearer " + revokedAccessKey),
                    new Presented("unknown key", "Bearer " + UUID.randomUUID()))) {
                expect(wrong, endpoint, presented, 401, "unauthenticated");
            }
            for (Role role : Role.values()) {
                if (role != endpoint.role()) {
                    for (String key : keys.get(role)) {
                        expect(wrong, endpoint, new Presented(role + " key", "Bearer " + key), 403, "forbidden");
                    }
                }
            }
            if (endpoint.role() == Role.TENANT && endpoint.path().contains(client)) {
                // A tenant never learns whether another tenant's client exists: to it, the client is not there.
                Presented otherTenant = new Presented("other tenant's key", "Bearer other-tenant-key");
                if (endpoint.path().endsWith("/authentication")) {
                    expectOAuth(wrong, endpoint, otherTenant, 401, "invalid_client");
                } else {
                    expect(wrong, endpoint, otherTenant, 404, "client-not-found");
                }
            }
        }

        assertThat(wrong).as("endpoints that answered the wrong caller wrongly").isEmpty();
        assertThat(events()).as("no refused call recorded anything").isEqualTo(eventsBefore);
        JsonNode unchanged = read(send("GET", "/api/v1/clients/" + client, null, null, "dev-tenant-key").body());
        assertThat(unchanged.get("status").asText()).isEqualTo("active");
    }

    @Test
    void registrationManagementRefusesAMissingOrOtherClientsRegistrationAccessToken() {
        JsonNode theirs = registered("dev", MCP_CLIENT);
        for (String token : new String[] {null, "", theirs.get("registration_access_token").asText(), "dev-tenant-key", "admin-key"}) {
            // A client of its own per token presented: wrong tokens for one client are soon throttled.
            String uri = "/t/dev/register/" + registered("dev", MCP_CLIENT).get("client_id").asText();
            long eventsBefore = events();
            for (String method : List.of("GET", "PUT", "DELETE")) {
                HttpResponse<String> refused = send(method, uri, "PUT".equals(method) ? "application/json" : null,
                        "PUT".equals(method) ? MCP_CLIENT : null, token);
                assertThat(refused.statusCode()).as(method + " with " + token).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
            }
            assertThat(events()).isEqualTo(eventsBefore);
        }
    }

    private void expectOAuth(List<String> wrong, Endpoint endpoint, Presented presented, int status, String error) {
        HttpResponse<String> response = call(endpoint, presented.header());
        if (response.statusCode() != status || !response.body().contains("\"error\":\"" + error + "\"")) {
            wrong.add(endpoint.method() + " " + endpoint.path() + " with " + presented.name() + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private void expect(List<String> wrong, Endpoint endpoint, Presented presented, int status, String type) {
        HttpResponse<String> response = call(endpoint, presented.header());
        boolean right = response.statusCode() == status && response.body().contains("/problems/" + type)
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (!right) {
            wrong.add(endpoint.method() + " " + endpoint.path() + " with " + presented.name() + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    private HttpResponse<String> call(Endpoint endpoint, String authorization) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + endpoint.path()))
                .method(endpoint.method(), endpoint.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(endpoint.body()))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static List<Endpoint> endpoints(String client) {
        String token = "{\"token_id\":\"t-1\",\"client_id\":\"" + client + "\",\"scope\":\"mcp:tools\",\"grant_type\":\"authorization_code\","
                + "\"sub\":\"u\",\"issued_at\":1795330000,\"expires_at\":1795333600}";
        return List.of(
                new Endpoint("GET", "/api/v1/clients/" + client, null, Role.TENANT),
                new Endpoint("POST", "/api/v1/clients/" + client + "/authentication", "{\"client_secret\":\"x\"}", Role.TENANT),
                new Endpoint("POST", "/api/v1/clients/" + client + "/redirect-uri-check", "{\"redirect_uri\":\"https://x\"}", Role.TENANT),
                new Endpoint("POST", "/api/v1/clients/" + client + "/client-secret", "{}", Role.TENANT),
                new Endpoint("POST", "/api/v1/clients/" + client + "/revocation", "{\"reason\":\"test\"}", Role.TENANT),
                new Endpoint("POST", "/api/v1/tokens", token, Role.TENANT),
                new Endpoint("POST", "/api/v1/tokens/batch", "{\"tokens\":[" + token + "]}", Role.TENANT),
                new Endpoint("POST", "/api/v1/tokens/revocations", "{\"token_ids\":[\"t-1\"]}", Role.TENANT),
                new Endpoint("GET", "/admin/v1/tenants", null, Role.ADMIN),
                new Endpoint("GET", "/admin/v1/tenants/dev", null, Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants", "{\"id\":\"matrix-" + UUID.randomUUID() + "\"}", Role.ADMIN),
                new Endpoint("PUT", "/admin/v1/tenants/other", "{}", Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants/other/api-key/rotation", "{}", Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants/other/api-key/revocation", "{\"reason\":\"test\"}", Role.ADMIN),
                new Endpoint("GET", "/admin/v1/tenants/dev/policy", null, Role.ADMIN),
                new Endpoint("PUT", "/admin/v1/tenants/dev/policy", "{\"rules\":[]}", Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants/gated/initial-access-tokens", "{\"max_uses\":1}", Role.ADMIN),
                new Endpoint("DELETE", "/admin/v1/tenants/gated/initial-access-tokens/some-id", null, Role.ADMIN),
                new Endpoint("POST", "/admin/v1/replay", null, Role.ADMIN),
                new Endpoint("GET", "/admin/v1/replay", null, Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants/dev/clients/" + client + "/revocation", "{\"reason\":\"test\"}", Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants/dev/clients/" + client + "/client-secret", "{}", Role.ADMIN),
                new Endpoint("POST", "/admin/v1/tenants/dev/revocations", "{\"software_id\":\"claude-desktop\",\"software_version\":\"1.4.0\","
                        + "\"reason\":\"test\"}", Role.ADMIN),
                new Endpoint("GET", "/admin/v1/lifecycle/expiry-candidates", null, Role.ADMIN),
                new Endpoint("POST", "/admin/v1/lifecycle/expiry", null, Role.ADMIN),
                new Endpoint("POST", "/admin/v1/access-keys", "{\"role\":\"auditor\",\"label\":\"matrix\"}", Role.ADMIN),
                new Endpoint("GET", "/admin/v1/access-keys", null, Role.ADMIN),
                new Endpoint("GET", "/admin/v1/access-keys/some-id", null, Role.ADMIN),
                new Endpoint("POST", "/admin/v1/access-keys/some-id/rotation", "{}", Role.ADMIN),
                new Endpoint("POST", "/admin/v1/access-keys/some-id/revocation", "{\"reason\":\"test\"}", Role.ADMIN),
                new Endpoint("GET", "/audit/v1/event-counts", null, Role.AUDITOR),
                new Endpoint("GET", "/audit/v1/caller", null, Role.AUDITOR));
    }

    private String issuedKey(String request) {
        HttpResponse<String> issued = post("/admin/v1/access-keys", request, "admin-key");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return read(issued.body()).get("access_key").asText();
    }

    private String revokedAuditorKey() {
        HttpResponse<String> issued = post("/admin/v1/access-keys", "{\"role\":\"auditor\",\"label\":\"to revoke\"}", "admin-key");
        JsonNode key = read(issued.body());
        assertThat(post("/admin/v1/access-keys/" + key.get("key_id").asText() + "/revocation", "{\"reason\":\"leaked\"}", "admin-key")
                .statusCode()).isEqualTo(204);
        return key.get("access_key").asText();
    }

    private String revokedTenantKey() {
        String tenant = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        String key = read(post("/admin/v1/tenants", "{\"id\":\"" + tenant + "\"}", "admin-key").body()).get("api_key").asText();
        assertThat(post("/admin/v1/tenants/" + tenant + "/api-key/revocation", "{\"reason\":\"leaked\"}", "admin-key").statusCode())
                .isEqualTo(204);
        return key;
    }

    /**
     * Events other than failed client authentications, which are recorded on purpose, as security
     * events, and the record of each key's use, which is the audit of who tried what.
     */
    private long events() {
        return jdbc.queryForObject("select count(*) from domainevententry where payloadtype not like '%ClientAuthenticationFailed'"
                + " and payloadtype not like '%AccessKeyUsed'", Long.class);
    }
}
