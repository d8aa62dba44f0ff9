package dev.registrar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * registry-service on a random port against the real PostgreSQL and Kafka, driven over real HTTP.
 * One configuration for every HTTP test, so they share one application context: tenant {@code dev}
 * (open, with a trusted software statement issuer and a policy), {@code gated} (initial access
 * token required) and {@code other}.
 */
@WithLocalServers({Server.POSTGRES, Server.KAFKA})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.credentials.hash-key=dGVzdC1oYXNoLWtleS1mb3ItcmVnaXN0cnktc2VydmljZS0zMmJ5dGVz",
        "registrar.policy.tenants.dev[0].software-id-pattern=restricted-*",
        "registrar.policy.tenants.dev[0].allowed-scopes=mcp:tools,mcp:resources",
        "registrar.policy.tenants.dev[0].redirect-uri-prefixes=https://restricted.example.com/",
        "registrar.policy.tenants.dev[0].max-active-clients=2",
        "registrar.policy.tenants.dev[1].software-id-pattern=signed-*",
        "registrar.policy.tenants.dev[1].require-software-statement=true",
        "registrar.policy.tenants.dev[2].software-id-pattern=short-secret-*",
        "registrar.policy.tenants.dev[2].secret-lifetime=1s",
        "registrar.policy.tenants.dev[3].software-id-pattern=short-life-*",
        "registrar.policy.tenants.dev[3].client-lifetime=1s",
        "registrar.policy.tenants.dev[4].software-id-pattern=*",
        "registrar.policy.tenants.dev[4].secret-lifetime=90d",
        // The tests register far faster than a real client would, from one address: the flood test sets its own limits.
        "registrar.throttling.registrations-per-source.capacity=1000000",
        "registrar.throttling.registrations-per-source.period=1m",
        "registrar.throttling.registrations-per-tenant.capacity=1000000",
        "registrar.throttling.registrations-per-tenant.period=1m",
        "registrar.throttling.registrations-per-software.capacity=1000000",
        "registrar.throttling.registrations-per-software.period=1m"
})
public abstract class RegistryServiceIT {

    /** The trusted issuer's signing key; tests sign software statements with it. */
    protected static final RSAKey STATEMENT_KEY = generateKey("statement-key");
    /** A key nobody trusts. */
    protected static final RSAKey STRANGER_KEY = generateKey("statement-key");

    protected static final String MCP_CLIENT = """
            {"client_name":"Claude","redirect_uris":["http://127.0.0.1:33418/callback"],
             "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
             "token_endpoint_auth_method":"none","application_type":"native","scope":"mcp:tools mcp:resources",
             "software_id":"claude-desktop","software_version":"1.4.0"}""";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    /** All of the tenancy settings in one source: Spring binds a list from a single property source only. */
    @DynamicPropertySource
    static void tenants(DynamicPropertyRegistry registry) {
        registry.add("registrar.tenancy.tenants[0].id", () -> "dev");
        registry.add("registrar.tenancy.tenants[0].api-key", () -> "dev-tenant-key");
        registry.add("registrar.tenancy.tenants[0].public-base-url", () -> "https://as.example.com");
        registry.add("registrar.tenancy.tenants[0].private-use-schemes[0]", () -> "myapp");
        registry.add("registrar.tenancy.tenants[0].software-statement-issuers[0].issuer", () -> "https://statements.example.com");
        registry.add("registrar.tenancy.tenants[1].id", () -> "gated");
        registry.add("registrar.tenancy.tenants[1].api-key", () -> "gated-tenant-key");
        registry.add("registrar.tenancy.tenants[1].registration", () -> "initial-access-token");
        registry.add("registrar.tenancy.tenants[2].id", () -> "other");
        registry.add("registrar.tenancy.tenants[2].api-key", () -> "other-tenant-key");
        registry.add("registrar.tenancy.admin-api-key", () -> "admin-key");
        registry.add("registrar.tenancy.auditor-api-key", () -> "auditor-key");
        registry.add("registrar.tenancy.tenants[0].software-statement-issuers[0].jwks",
                () -> new JWKSet(STATEMENT_KEY.toPublicJWK()).toString());
    }

    protected HttpResponse<String> send(String method, String path, String contentType, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> register(String tenant, String body) {
        return send("POST", "/t/" + tenant + "/register", "application/json", body, null);
    }

    protected JsonNode registered(String tenant, String body) {
        HttpResponse<String> response = register(tenant, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("registration failed with " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    protected JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path, String body, String bearer) {
        return send("POST", path, "application/json", body, bearer);
    }

    /**
     * The records on the event topic that match, read from its start until {@code count} were found
     * or 30 s passed; the caller asserts how many that was.
     */
    protected List<ConsumerRecord<String, String>> published(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "registry-service-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("registrar.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && found.size() < count) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    protected int clientRows() {
        return jdbc.queryForObject("select count(*) from client_registration", Integer.class);
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
