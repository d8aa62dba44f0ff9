package dev.registrar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the system the way a user does, with ./devstack, and drives it over real HTTP: one
 * registration travels HTTP → event store → Kafka → Elasticsearch → reporting API. Then stops the
 * stack with SIGTERM, as Ctrl-C does, and checks that nothing it started is left running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackIT {

    private static final String PROFILE = "e2e";
    private static final Duration STARTUP = Duration.ofMinutes(5);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StackSettings settings = StackSettings.forProfile(PROFILE, true, System.getenv());
    private Process stack;
    private Map<String, String> endpoints;
    private String accessQuery;
    private JsonNode accessRows;
    /** Every secret the run was given: none may appear anywhere but in the response that issued it. */
    private final List<String> issuedSecrets = new ArrayList<>();

    @BeforeAll
    void startTheStack() throws Exception {
        Path log = Path.of("target", "devstack-e2e.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(settings.home().resolve("devstack").toString(),
                "--profile", PROFILE, "--fresh", "--no-build")
                .directory(settings.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("REGISTRAR_PORT_OFFSET", Integer.toString(settings.portOffset()));
        // Each key's use is written down every 5 s instead of every minute, so the test sees it soon.
        builder.environment().put("REGISTRAR_ACCESS_USAGEINTERVAL", "5s");
        stack = builder.start();
        endpoints = awaitEndpoints(settings.stackDir().resolve("endpoints.env"), log);
    }

    /** Only where a test failed before stopping it: SIGTERM first, so the stack stops what it started. */
    @AfterAll
    void stopTheStack() throws Exception {
        if (stack != null && stack.isAlive()) {
            stack.destroy();
            if (!stack.waitFor(120, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void endpointsFileNamesEveryEndpointAndCredential() {
        assertThat(endpoints).containsKeys("REGISTRY_URL", "REPORTING_URL", "REGISTRATION_URL", "TENANT",
                "TENANT_API_KEY", "ADMIN_API_KEY", "AUDITOR_API_KEY");
        assertThat(endpoints.get("REGISTRATION_URL")).endsWith("/t/" + endpoints.get("TENANT") + "/register");
        assertThat(endpoints.get("TENANT_API_KEY")).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    @Order(2)
    void everyServiceAnswersItsHealthEndpoint() throws Exception {
        for (String service : List.of("REGISTRY_URL", "REPORTING_URL", "PROJECTOR_URL")) {
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(endpoints.get(service) + "/actuator/health")).build());
            assertThat(health.statusCode()).as(service).isEqualTo(200);
            assertThat(health.body()).as(service).contains("\"UP\"");
        }
    }

    @Test
    @Order(3)
    void registrationIsQueryableInTheReportingApiWithinSeconds() throws Exception {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(endpoints.get("REGISTRATION_URL")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"client_name":"Claude","redirect_uris":["http://127.0.0.1:33418/callback"],
                         "token_endpoint_auth_method":"none","grant_types":["authorization_code"],"response_types":["code"],
                         "scope":"mcp:tools","software_id":"claude-desktop","software_version":"1.4.0"}"""))
                .build());
        assertThat(registered.statusCode()).isEqualTo(201);
        String clientId = json.readTree(registered.body()).get("client_id").asText();

        JsonNode events = awaitTimeline(clientId, 1, Duration.ofSeconds(60));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("client.registered");
        assertThat(events.get(0).get("tenant").asText()).isEqualTo(endpoints.get("TENANT"));
        assertThat(events.get(0).at("/payload/metadata/softwareVersion").asText()).as(events.toString()).isEqualTo("1.4.0");

        HttpResponse<String> lookUp = send(HttpRequest.newBuilder(URI.create(endpoints.get("REGISTRY_URL") + "/api/v1/clients/" + clientId))
                .header("Authorization", "Bearer " + endpoints.get("TENANT_API_KEY")).build());
        assertThat(lookUp.statusCode()).isEqualTo(200);
    }

    /**
     * The auditor's scripted scenario: clients at two versions, tokens with two scopes, one client
     * revoked; the access report, the timeline and the inventory then give exactly the expected answers.
     */
    @Test
    @Order(4)
    void scriptedScenarioGivesTheAuditorExactlyTheExpectedAnswers() throws Exception {
        String software = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String v1 = registerConfidential(software, "1.0.0");
        String v2 = registerConfidential(software, "2.0.0");
        long now = Instant.now().getEpochSecond();
        String tokens = String.join(",", token(v1, "alice", "read:customer_data", now),
                token(v1, "bob", "read:customer_data mcp:tools", now), token(v2, "alice", "read:customer_data", now));
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(URI.create(endpoints.get("REGISTRY_URL") + "/api/v1/tokens/batch"))
                .header("Authorization", "Bearer " + endpoints.get("TENANT_API_KEY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tokens\":[" + tokens + "]}")).build());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(endpoints.get("REGISTRY_URL") + "/api/v1/clients/" + v1 + "/revocation"))
                .header("Authorization", "Bearer " + endpoints.get("TENANT_API_KEY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"compromised release\"}")).build());
        assertThat(json.readTree(revoked.body()).get("tokens_revoked").asInt()).isEqualTo(2);

        String range = "from=" + Instant.ofEpochSecond(now - 60) + "&to=" + Instant.ofEpochSecond(now + 60);
        accessQuery = "/api/v1/reports/access?" + range + "&scope=read:customer_data&software_id=" + software;
        JsonNode rows = awaitReport(accessQuery, 3, Duration.ofSeconds(60));
        accessRows = rows;
        assertThat(rows.findValuesAsText("software_version")).containsExactly("1.0.0", "2.0.0");
        assertThat(rows.get(0).get("tokens").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("distinct_clients").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("distinct_subjects").asLong()).isEqualTo(2);
        assertThat(rows.get(1).get("tokens").asLong()).isEqualTo(1);

        JsonNode everyScope = awaitReport("/api/v1/reports/access?" + range + "&software_id=" + software, 4, Duration.ofSeconds(10));
        assertThat(everyScope.findValuesAsText("scope")).containsExactly("read:customer_data", "mcp:tools", "read:customer_data");

        JsonNode timeline = awaitTimeline(v1, 2, Duration.ofSeconds(30));
        assertThat(timeline.findValuesAsText("type")).containsExactly("client.registered", "client.revoked");

        // Each index becomes searchable on its own refresh: the clients index may show the revocation a moment after the event log.
        JsonNode report = awaitInventory("/api/v1/reports/inventory?from=" + Instant.ofEpochSecond(now - 3600) + "&to="
                + Instant.ofEpochSecond(now + 3600), "revoked", Duration.ofSeconds(30));
        assertThat(report.get("by_software").findValues("software_id").stream().filter(id -> id.asText().equals(software)).count())
                .isEqualTo(2);
        assertThat(report.get("by_status").findValuesAsText("value")).contains("active", "revoked");
        assertThat(report.get("registrations").findValues("count").stream().mapToLong(JsonNode::asLong).sum()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(5)
    void replayRebuildsTheIndicesWithoutCountingAnythingTwice() throws Exception {
        assertThat(replay()).contains("replay done");

        // The republished events reach the projector within seconds; the report must not move meanwhile.
        for (int i = 0; i < 10; i++) {
            Thread.sleep(1000);
            HttpResponse<String> report = send(HttpRequest.newBuilder(URI.create(endpoints.get("REPORTING_URL") + accessQuery))
                    .header("Authorization", "Bearer " + endpoints.get("AUDITOR_API_KEY")).build());
            assertThat(json.readTree(report.body()).get("rows")).isEqualTo(accessRows);
        }
    }

    /**
     * A rebuild from scratch: the indices the events make are deleted and made again from the event
     * store, with the templates' mappings; the auditor's answers come back whole, and the alerts stay.
     */
    @Test
    @Order(6)
    void rebuildMakesTheDerivedIndicesAgainAndKeepsTheAlerts() throws Exception {
        Map<String, String> before = indexIds();
        assertThat(before).containsKey("registrar-clients");

        assertThat(replay("--rebuild")).contains("deleted the indices the replay rebuilds", "registrar-clients", "replay done");

        assertThat(awaitReport(accessQuery, 3, Duration.ofSeconds(60))).isEqualTo(accessRows);
        long now = Instant.now().getEpochSecond();
        awaitInventory("/api/v1/reports/inventory?from=" + Instant.ofEpochSecond(now - 3600) + "&to=" + Instant.ofEpochSecond(now + 3600),
                "revoked", Duration.ofSeconds(30));
        Map<String, String> after = indexIds();
        before.forEach((index, id) -> {
            if (index.startsWith("registrar-alerts-")) {
                assertThat(after.get(index)).as(index).isEqualTo(id);
            } else {
                assertThat(after.get(index)).as(index).isNotNull().isNotEqualTo(id);
            }
        });
        HttpResponse<String> mapping = send(HttpRequest.newBuilder(URI.create(endpoints.get("ELASTICSEARCH_URL")
                + "/registrar-tokens-*/_mapping")).build());
        assertThat(json.readTree(mapping.body()).findValuesAsText("dynamic")).isNotEmpty().containsOnly("strict");
    }

    @Test
    @Order(7)
    void reconciliationFindsEveryStoredEventInElasticsearch() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode result = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoints.get("REPORTING_URL")
                            + "/api/v1/reports/reconciliation"))
                    .header("Authorization", "Bearer " + endpoints.get("AUDITOR_API_KEY")).build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            result = json.readTree(response.body());
            if (result.get("complete").asBoolean()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(result.get("complete").asBoolean()).as(String.valueOf(result)).isTrue();
        assertThat(result.get("types").findValuesAsText("type")).contains("client.registered", "token.issued");
    }

    /**
     * An administrator creates a tenant and an auditor key scoped to it; that auditor sees the tenant's
     * clients and tokens in every report and nothing of any other tenant's, its use of the key is in
     * the key-usage report, and rotating then revoking the key shuts it out of reporting-api at once.
     */
    @Test
    @Order(8)
    void anAuditorOfOneTenantSeesThatTenantOnlyAndItsKeyIsRotatedAndRevokedAtRunTime() throws Exception {
        String admin = endpoints.get("ADMIN_API_KEY");
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = json.readTree(post(endpoints.get("REGISTRY_URL") + "/admin/v1/tenants", "{\"id\":\"" + tenant + "\"}", admin, 201));
        String tenantKey = created.get("api_key").asText();
        JsonNode auditorKey = json.readTree(post(endpoints.get("REGISTRY_URL") + "/admin/v1/access-keys",
                "{\"role\":\"auditor\",\"tenant\":\"" + tenant + "\",\"label\":\"acme's auditor\"}", admin, 201));
        String auditor = auditorKey.get("access_key").asText();
        String auditorId = auditorKey.get("key_id").asText();
        issuedSecrets.addAll(List.of(tenantKey, auditor));

        String theirs = registerConfidential(endpoints.get("REGISTRY_URL") + "/t/" + tenant + "/register", "acme-agent", "1.0.0");
        String someoneElses = registerConfidential("other-tenants-agent", "1.0.0");
        long now = Instant.now().getEpochSecond();
        post(endpoints.get("REGISTRY_URL") + "/api/v1/tokens/batch", "{\"tokens\":[" + token(theirs, "carol", "read:customer_data", now) + "]}",
                tenantKey, 200);
        post(endpoints.get("REGISTRY_URL") + "/api/v1/tokens/batch", "{\"tokens\":[" + token(someoneElses, "dave", "read:customer_data", now) + "]}",
                endpoints.get("TENANT_API_KEY"), 200);

        String range = "from=" + Instant.ofEpochSecond(now - 60) + "&to=" + Instant.ofEpochSecond(now + 60);
        assertThat(awaitReport("/api/v1/reports/access?" + range + "&software_id=other-tenants-agent", 1, Duration.ofSeconds(60)))
                .as("an auditor of every tenant sees the other tenant's token").hasSize(1);
        JsonNode rows = awaitReport("/api/v1/reports/access?" + range + "&scope=read:customer_data", 1, auditor, Duration.ofSeconds(60));
        assertThat(rows.findValuesAsText("software_id")).as("only the auditor's tenant's tokens").containsExactly("acme-agent");

        HttpResponse<String> otherTenant = get(endpoints.get("REPORTING_URL") + "/api/v1/reports/access?" + range + "&tenant=dev", auditor);
        assertThat(otherTenant.statusCode()).isEqualTo(403);
        assertThat(otherTenant.body()).contains("/problems/tenant-out-of-scope");
        assertThat(awaitTimeline(theirs, 1, auditor, Duration.ofSeconds(30))).hasSize(1);
        assertThat(json.readTree(get(endpoints.get("REPORTING_URL") + "/api/v1/clients/" + someoneElses + "/events", auditor).body())
                .get("events")).as("another tenant's client has no events, to this auditor").isEmpty();

        JsonNode reconciliation = awaitReconciliation(auditor, Duration.ofSeconds(60));
        assertThat(reconciliation.get("types").toString()).contains("{\"type\":\"client.registered\",\"event_store\":1,\"elasticsearch\":1,\"missing\":0}");

        JsonNode usage = awaitKeyUsage(auditorId, auditor, Duration.ofSeconds(60));
        assertThat(usage.get("tenant").asText()).isEqualTo(tenant);
        assertThat(usage.get("operations").findValuesAsText("operation")).contains("reporting-api GET /api/v1/reports/access");

        JsonNode rotated = json.readTree(post(endpoints.get("REGISTRY_URL") + "/admin/v1/access-keys/" + auditorId + "/rotation",
                "{\"previous_valid_for_seconds\":0}", admin, 200));
        String rotatedKey = rotated.get("access_key").asText();
        issuedSecrets.add(rotatedKey);
        assertThat(get(endpoints.get("REPORTING_URL") + "/api/v1/clients/" + theirs + "/events", auditor).statusCode()).isEqualTo(401);
        assertThat(get(endpoints.get("REPORTING_URL") + "/api/v1/clients/" + theirs + "/events", rotatedKey).statusCode()).isEqualTo(200);
        post(endpoints.get("REGISTRY_URL") + "/admin/v1/access-keys/" + auditorId + "/revocation", "{\"reason\":\"audit done\"}", admin, 204);
        assertThat(get(endpoints.get("REPORTING_URL") + "/api/v1/clients/" + theirs + "/events", rotatedKey).statusCode()).isEqualTo(401);
    }

    /**
     * After confidential registrations, a secret rotation and token batches, every secret, RAT and
     * key the run was given is searched for in the clear: in every row of every table, every
     * record of every Kafka topic, every Elasticsearch document and every log the stack wrote.
     */
    @Test
    @Order(9)
    void noSecretOfTheRunIsStoredPublishedIndexedOrLoggedInTheClear() throws Exception {
        String client = registerConfidential("leak-check", "1.0.0");
        HttpResponse<String> rotated = send(HttpRequest.newBuilder(URI.create(endpoints.get("REGISTRY_URL") + "/api/v1/clients/" + client
                        + "/client-secret"))
                .header("Authorization", "Bearer " + endpoints.get("TENANT_API_KEY"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        issuedSecrets.add(json.readTree(rotated.body()).get("client_secret").asText());
        awaitTimeline(client, 2, Duration.ofSeconds(60));
        List<String> secrets = new ArrayList<>(issuedSecrets);
        secrets.addAll(List.of(endpoints.get("TENANT_API_KEY"), endpoints.get("ADMIN_API_KEY"), endpoints.get("AUDITOR_API_KEY")));

        SecretSearch search = new SecretSearch(secrets);
        search.database(endpoints.get("DATABASE_URL"), endpoints.get("DATABASE_USER"), endpoints.get("DATABASE_PASSWORD"));
        search.kafka(endpoints.get("KAFKA_BOOTSTRAP"));
        search.elasticsearch(endpoints.get("ELASTICSEARCH_URL"), http);
        search.logs(settings.logDir());

        assertThat(search.searched()).as("where the search looked, and how much it read")
                .containsKeys("database rows", "kafka records", "elasticsearch documents", "log bytes")
                .allSatisfy((place, amount) -> assertThat(amount).as(place).isPositive());
        assertThat(search.found()).as("secrets found in the clear").isEmpty();
    }

    @Test
    @Order(10)
    void sigtermStopsEverythingTheStackStarted() throws Exception {
        Path elasticsearchHome = settings.stackDir().resolve("elasticsearch").toRealPath();

        stack.destroy();

        assertThat(stack.waitFor(120, TimeUnit.SECONDS)).as("the stack exits after SIGTERM").isTrue();
        List<String> leftBehind = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(line -> line.contains(settings.stackDir().toString()) || line.contains(elasticsearchHome.toString()))
                .toList();
        assertThat(leftBehind).isEmpty();
        assertThat(settings.stackDir().resolve("endpoints.env")).doesNotExist();
    }

    private String registerConfidential(String software, String version) throws Exception {
        return registerConfidential(endpoints.get("REGISTRATION_URL"), software, version);
    }

    private String registerConfidential(String registrationUrl, String software, String version) throws Exception {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(registrationUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"https://agent.example.com/cb\"],"
                        + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"read:customer_data mcp:tools\","
                        + "\"software_id\":\"" + software + "\",\"software_version\":\"" + version + "\"}"))
                .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode client = json.readTree(registered.body());
        issuedSecrets.add(client.get("client_secret").asText());
        issuedSecrets.add(client.get("registration_access_token").asText());
        return client.get("client_id").asText();
    }

    private static String token(String clientId, String subject, String scope, long now) {
        return "{\"token_id\":\"" + UUID.randomUUID() + "\",\"client_id\":\"" + clientId + "\",\"scope\":\"" + scope + "\","
                + "\"grant_type\":\"authorization_code\",\"sub\":\"" + subject + "\",\"issued_at\":" + now
                + ",\"expires_at\":" + (now + 3600) + "}";
    }

    private JsonNode awaitReport(String query, int tokens, Duration timeout) throws Exception {
        return awaitReport(query, tokens, endpoints.get("AUDITOR_API_KEY"), timeout);
    }

    /** Polls the access report until its rows hold the tokens expected, as the projector catches up. */
    private JsonNode awaitReport(String query, int tokens, String auditorKey, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode found = json.createArrayNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> report = get(endpoints.get("REPORTING_URL") + query, auditorKey);
            assertThat(report.statusCode()).as(report.body()).isIn(200, 503);
            if (report.statusCode() == 200) {
                found = json.readTree(report.body()).get("rows");
                if (found.findValues("tokens").stream().mapToLong(JsonNode::asLong).sum() == tokens) {
                    return found;
                }
            }
            Thread.sleep(250);
        }
        return found;
    }

    /** Polls the inventory until a client with the status expected is in it. */
    private JsonNode awaitInventory(String query, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode report = json.createObjectNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> inventory = send(HttpRequest.newBuilder(URI.create(endpoints.get("REPORTING_URL") + query))
                    .header("Authorization", "Bearer " + endpoints.get("AUDITOR_API_KEY")).build());
            assertThat(inventory.statusCode()).as(inventory.body()).isEqualTo(200);
            report = json.readTree(inventory.body());
            if (report.get("by_status").findValuesAsText("value").contains(status)) {
                return report;
            }
            Thread.sleep(250);
        }
        return report;
    }

    private JsonNode awaitTimeline(String clientId, int expected, Duration timeout) throws Exception {
        return awaitTimeline(clientId, expected, endpoints.get("AUDITOR_API_KEY"), timeout);
    }

    /** Polls the timeline until it holds the events expected (a 503 while the month's index is created says to retry). */
    private JsonNode awaitTimeline(String clientId, int expected, String auditorKey, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode events = json.createArrayNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> timeline = get(endpoints.get("REPORTING_URL") + "/api/v1/clients/" + clientId + "/events", auditorKey);
            // 503 while the projector creates the month's index: the API says to retry.
            assertThat(timeline.statusCode()).isIn(200, 503);
            if (timeline.statusCode() == 200) {
                events = json.readTree(timeline.body()).get("events");
                if (events.size() >= expected) {
                    return events;
                }
            }
            Thread.sleep(250);
        }
        return events;
    }

    /** Polls reconciliation until the event store and Elasticsearch agree. */
    private JsonNode awaitReconciliation(String auditorKey, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result = json.createObjectNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(endpoints.get("REPORTING_URL") + "/api/v1/reports/reconciliation", auditorKey);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            result = json.readTree(response.body());
            if (result.get("complete").asBoolean()) {
                return result;
            }
            Thread.sleep(500);
        }
        return result;
    }

    /** Polls the key-usage report until the key's use, written down every few seconds, is in it. */
    private JsonNode awaitKeyUsage(String keyId, String auditorKey, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String range = "from=" + Instant.now().minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(3600);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(endpoints.get("REPORTING_URL") + "/api/v1/reports/key-usage?" + range + "&key_id=" + keyId,
                    auditorKey);
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            if (response.statusCode() == 200 && !json.readTree(response.body()).get("keys").isEmpty()) {
                return json.readTree(response.body()).get("keys").get(0);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the use of key " + keyId + " was not in the key-usage report within " + timeout);
    }

    private HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build());
    }

    private String post(String url, String body, String bearer, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private Map<String, String> awaitEndpoints(Path file, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                Map<String, String> values = new HashMap<>();
                for (String line : Files.readAllLines(file)) {
                    int equals = line.indexOf('=');
                    if (!line.startsWith("#") && equals > 0) {
                        values.put(line.substring(0, equals), line.substring(equals + 1));
                    }
                }
                return values;
            }
            if (!stack.isAlive()) {
                throw new AssertionError("./devstack exited with " + stack.exitValue() + " before it was ready:\n" + Files.readString(log));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("./devstack was not ready within " + STARTUP.toMinutes() + " minutes:\n" + Files.readString(log));
    }

    /** Runs ./replay on this stack as a user does, and returns what it printed once it has succeeded. */
    private String replay(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(settings.home().resolve("replay").toString(), "--profile", PROFILE));
        command.addAll(List.of(options));
        Process replay = new ProcessBuilder(command)
                .directory(settings.home().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(replay.getInputStream().readAllBytes());
        assertThat(replay.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(replay.exitValue()).as(output).isZero();
        return output;
    }

    /** Each Registrar index by name, with the id Elasticsearch gave it when it was created. */
    private Map<String, String> indexIds() throws Exception {
        HttpResponse<String> indices = send(HttpRequest.newBuilder(URI.create(endpoints.get("ELASTICSEARCH_URL")
                + "/_cat/indices/registrar-*?format=json&h=index,uuid")).build());
        Map<String, String> ids = new TreeMap<>();
        json.readTree(indices.body()).forEach(index -> ids.put(index.get("index").asText(), index.get("uuid").asText()));
        return ids;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
