package dev.registrar.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.registrar.RegistryServiceIT;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenants administered over real HTTP: each change an event, each new tenant with its own key. */
class TenantAdminIT extends RegistryServiceIT {

    @Test
    void createdTenantGetsAKeyThatLooksUpOnlyItsOwnClients() {
        String id = newTenantId();
        JsonNode created = create("{\"id\":\"" + id + "\",\"public_base_url\":\"https://as." + id + ".example\"}");
        String apiKey = created.get("api_key").asText();
        assertThat(apiKey).hasSizeGreaterThanOrEqualTo(43);

        JsonNode client = registered(id, MCP_CLIENT);
        assertThat(client.get("registration_client_uri").asText()).startsWith("https://as." + id + ".example/t/" + id + "/register/");

        assertThat(send("GET", "/api/v1/clients/" + client.get("client_id").asText(), null, null, apiKey).statusCode()).isEqualTo(200);
        String devClient = registered("dev", MCP_CLIENT).get("client_id").asText();
        assertThat(send("GET", "/api/v1/clients/" + devClient, null, null, apiKey).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/admin/v1/tenants", null, null, apiKey).statusCode()).isEqualTo(403);
        assertThat(read(send("GET", "/admin/v1/tenants/" + id, null, null, "admin-key").body()).has("api_key")).isFalse();
    }

    @Test
    void changedSettingsApplyToTheNextRegistration() {
        String id = newTenantId();
        create("{\"id\":\"" + id + "\"}");
        assertThat(register(id, MCP_CLIENT).statusCode()).isEqualTo(201);

        HttpResponse<String> change = send("PUT", "/admin/v1/tenants/" + id, "application/json",
                "{\"registration\":\"initial_access_token\"}", "admin-key");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);

        assertThat(register(id, MCP_CLIENT).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%TenantConfigured'",
                Integer.class, "tenant:" + id)).isEqualTo(2);
    }

    @Test
    void tenantTrustingAJwksUrlAcceptsStatementsSignedWithThoseKeys() throws Exception {
        HttpServer jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(STATEMENT_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwksServer.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        jwksServer.start();
        try {
            String id = newTenantId();
            String jwksUri = "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json";
            create("{\"id\":\"" + id + "\",\"software_statement_issuers\":[{\"issuer\":\"https://remote.example\",\"jwks_uri\":\"" + jwksUri + "\"}]}");
            SignedJWT statement = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(STATEMENT_KEY.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer("https://remote.example").claim("software_id", "remote-tool").build());
            statement.sign(new RSASSASigner(STATEMENT_KEY));

            JsonNode client = registered(id, "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"none\","
                    + "\"software_statement\":\"" + statement.serialize() + "\"}");

            assertThat(client.get("software_id").asText()).isEqualTo("remote-tool");
        } finally {
            jwksServer.stop(0);
        }
    }

    @Test
    void existingTenantIdIsAConflict() {
        HttpResponse<String> response = send("POST", "/admin/v1/tenants", "application/json", "{\"id\":\"dev\"}", "admin-key");

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void unworkableTenantDocumentsAreRefusedWith400() {
        for (String document : new String[] {
                "{\"id\":\"Not Valid\"}",
                "{\"id\":\"x1\",\"public_base_url\":\"ftp://as.example\"}",
                "{\"id\":\"x2\",\"registration\":\"sometimes\"}",
                "{\"id\":\"x3\",\"private_use_schemes\":[\"https\"]}",
                "{\"id\":\"x4\",\"software_statement_issuers\":[{\"issuer\":\"https://i.example\"}]}",
                "{\"id\":\"x5\",\"software_statement_issuers\":[{\"issuer\":\"https://i.example\",\"jwks\":{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}}]}"}) {
            HttpResponse<String> response = send("POST", "/admin/v1/tenants", "application/json", document, "admin-key");

            assertThat(response.statusCode()).as(document + " → " + response.body()).isEqualTo(400);
            assertThat(read(response.body()).get("type").asText()).endsWith("/invalid-request");
        }
    }

    private JsonNode create(String document) {
        HttpResponse<String> response = send("POST", "/admin/v1/tenants", "application/json", document, "admin-key");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body());
    }

    private static String newTenantId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
