package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Auditors signing in with JWTs from the organisation's identity provider, whose signing keys are
 * published at a JWKS endpoint on loopback, as an IdP publishes them.
 */
@WithLocalServers(Server.ELASTICSEARCH)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.reporting.auditor-api-key=auditor-key",
        "registrar.reporting.event-index-pattern=oidc-it-*",
        "registrar.reporting.oidc.issuer-uri=https://idp.example.com/realms/acme",
        "registrar.reporting.oidc.audience=registrar-reporting"
})
class OidcSignInIT {

    private static final String ISSUER = "https://idp.example.com/realms/acme";
    private static final String INDEX = "oidc-it-events";
    private static final RSAKey IDP_KEY = generate("idp-key");
    private static final RSAKey STRANGER_KEY = generate("idp-key");
    private static final HttpServer JWKS = jwksEndpoint();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;

    private final String ours = UUID.randomUUID().toString();
    private final String theirs = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void idp(DynamicPropertyRegistry registry) {
        registry.add("registrar.reporting.oidc.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stopIdp() {
        JWKS.stop(0);
    }

    @BeforeEach
    void indexOneEventPerTenant() throws Exception {
        if (!elasticsearch.indices().exists(e -> e.index(INDEX)).value()) {
            elasticsearch.indices().create(c -> c.index(INDEX).mappings(m -> m
                    .properties("aggregateId", p -> p.keyword(k -> k)).properties("aggregateType", p -> p.keyword(k -> k))
                    .properties("tenant", p -> p.keyword(k -> k)).properties("aggregateSequence", p -> p.long_(l -> l))));
        }
        for (Map.Entry<String, String> client : Map.of(ours, "acme", theirs, "globex").entrySet()) {
            elasticsearch.index(i -> i.index(INDEX).id(client.getKey()).document(Map.of("eventId", client.getKey(), "tenant", client.getValue(),
                    "aggregateType", "client", "aggregateId", client.getKey(), "aggregateSequence", 0)));
        }
        elasticsearch.indices().refresh(r -> r.index(INDEX));
    }

    @Test
    void anAuditorOfTheIdpReadsReports() throws Exception {
        String token = token(IDP_KEY, claims -> claims.claim("roles", List.of("registrar-auditor", "employee")));

        ResponseEntity<String> timeline = get("/api/v1/clients/" + theirs + "/events", token);

        assertThat(timeline.getStatusCode().value()).as(timeline.getBody()).isEqualTo(200);
        assertThat(json.readTree(timeline.getBody()).get("events")).hasSize(1);
    }

    @Test
    void theTenantClaimConfinesTheAuditorToThatTenant() throws Exception {
        String token = token(IDP_KEY, claims -> claims.claim("roles", "registrar-auditor").claim("registrar_tenant", "acme"));

        assertThat(json.readTree(get("/api/v1/clients/" + ours + "/events", token).getBody()).get("events")).hasSize(1);
        assertThat(json.readTree(get("/api/v1/clients/" + theirs + "/events", token).getBody()).get("events")).isEmpty();
        ResponseEntity<String> otherTenant = get("/api/v1/reports/security?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&tenant=globex",
                token);
        assertThat(otherTenant.getStatusCode().value()).isEqualTo(403);
        assertThat(otherTenant.getBody()).contains("/problems/tenant-out-of-scope");
    }

    @Test
    void aValidTokenWithoutTheAuditorRoleIsForbidden() {
        ResponseEntity<String> response = get("/api/v1/clients/" + ours + "/events",
                token(IDP_KEY, claims -> claims.claim("roles", List.of("employee"))));

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody()).contains("/problems/forbidden");
    }

    @Test
    void tokensTheIdpDidNotIssueForThisServiceNowAreRefused() {
        Consumer<JWTClaimsSet.Builder> auditor = claims -> claims.claim("roles", "registrar-auditor");
        Map<String, String> refused = Map.of(
                "signed with another key", token(STRANGER_KEY, auditor),
                "expired", token(IDP_KEY, auditor.andThen(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600))))),
                "another audience", token(IDP_KEY, auditor.andThen(claims -> claims.audience("another-service"))),
                "another issuer", token(IDP_KEY, auditor.andThen(claims -> claims.issuer("https://evil.example.com"))),
                "unsigned", unsigned());
        refused.forEach((why, token) -> {
            ResponseEntity<String> response = get("/api/v1/clients/" + ours + "/events", token);
            assertThat(response.getStatusCode().value()).as(why).isEqualTo(401);
            assertThat(response.getBody()).as(why).contains("/problems/unauthenticated");
        });
    }

    @Test
    void keysStillWorkBesideSignIn() {
        assertThat(get("/api/v1/clients/" + ours + "/events", "auditor-key").getStatusCode().value()).isEqualTo(200);
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> customize) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("alice@acme.example")
                .audience("registrar-reporting")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
        customize.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An "alg":"none" token claiming the auditor role. */
    private static String unsigned() {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"mallory\",\"aud\":\"registrar-reporting\",\"roles\":"
                + "[\"registrar-auditor\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private ResponseEntity<String> get(String path, String bearer) {
        return AuditorRequests.get(http, path, bearer);
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwksEndpoint() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(IDP_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(keys);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
