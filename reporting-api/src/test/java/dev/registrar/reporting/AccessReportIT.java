package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

@WithLocalServers(Server.ELASTICSEARCH)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.reporting.auditor-api-key=auditor-key",
        "registrar.reporting.token-index-pattern=access-it-*"
})
class AccessReportIT {

    private static final int DEFAULT_MAX_BUCKETS = 65_536;

    @Autowired
    TestRestTemplate http;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;

    @Test
    void reportAnswersWhichVersionsObtainedWhichScopesWithDistinctClientsAndSubjects() throws Exception {
        ResponseEntity<String> response = reportOfTwoSoftware("&scope=read:customer_data");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(json.readTree(response.getBody()).get("distinct_counts").asText()).as("few enough values to list").isEqualTo("exact");
        JsonNode rows = json.readTree(response.getBody()).get("rows");
        assertThat(rows).hasSize(2);
        JsonNode v1 = rows.get(0);
        assertThat(v1.get("software_id").asText()).isEqualTo("claude");
        assertThat(v1.get("software_version").asText()).isEqualTo("1.0.0");
        assertThat(v1.get("scope").asText()).isEqualTo("read:customer_data");
        assertThat(v1.get("tokens").asLong()).isEqualTo(3);
        assertThat(v1.get("distinct_clients").asLong()).isEqualTo(2);
        assertThat(v1.get("distinct_subjects").asLong()).isEqualTo(2);
        assertThat(v1.get("first_seen").asText()).isEqualTo("2026-10-05T10:00:00Z");
        assertThat(v1.get("last_seen").asText()).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(rows.get(1).get("software_version").asText()).isEqualTo("2.0.0");
        assertThat(rows.get(1).get("tokens").asLong()).isEqualTo(1);
    }

    @Test
    void exactDistinctCountsCountEveryClientAndSubject() throws Exception {
        ResponseEntity<String> response = reportOfTwoSoftware("&distinct_counts=exact");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.at("/query/distinct_counts").asText()).isEqualTo("exact");
        assertThat(report.get("distinct_counts").asText()).isEqualTo("exact");
        List<String> summaries = new ArrayList<>();
        report.get("rows").forEach(row -> summaries.add(row.get("software_id").asText() + " " + row.get("software_version").asText() + " "
                + row.get("scope").asText() + " clients=" + row.get("distinct_clients").asLong() + " subjects="
                + row.get("distinct_subjects").asLong()));
        assertThat(summaries).containsExactlyInAnyOrder(
                "claude 1.0.0 read:customer_data clients=2 subjects=2",
                "claude 1.0.0 mcp:tools clients=1 subjects=1",
                "claude 2.0.0 read:customer_data clients=1 subjects=1",
                "cursor 0.9.0 mcp:tools clients=1 subjects=1");
    }

    @Test
    void exactDistinctCountsOfMoreValuesThanOneSearchMayListAreRefusedWith400() throws Exception {
        ResponseEntity<String> response = withFewBucketsPerSearch(() -> reportOfTwoSoftware("&distinct_counts=exact"));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://registrar.dev/problems/report-too-large");
        assertThat(problem.get("detail").asText()).contains("narrow it", "distinct_counts=estimated");
    }

    @Test
    void distinctCountsAreEstimatedWhereTheirValuesAreTooManyToList() throws Exception {
        ResponseEntity<String> response = withFewBucketsPerSearch(() -> reportOfTwoSoftware("&scope=read:customer_data"));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.get("distinct_counts").asText()).isEqualTo("estimated");
        assertThat(report.get("rows").get(0).get("distinct_subjects").asLong()).isEqualTo(2);
    }

    @Test
    void estimatedDistinctCountsAreGivenWhenAskedFor() throws Exception {
        ResponseEntity<String> response = reportOfTwoSoftware("&distinct_counts=estimated");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(json.readTree(response.getBody()).get("distinct_counts").asText()).isEqualTo("estimated");
    }

    @Test
    void unknownWayOfCountingIsRefusedWith400() throws Exception {
        ResponseEntity<String> response = get("/api/v1/reports/access?from=2026-10-01T00:00:00Z&to=2027-01-01T00:00:00Z&distinct_counts=roughly");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).isEqualTo("distinct_counts must be estimated or exact");
    }

    @Test
    void reportWithoutAScopeHasARowPerScopeOfEachVersion() throws Exception {
        ResponseEntity<String> response = reportOfTwoSoftware("");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode rows = json.readTree(response.getBody()).get("rows");
        List<String> summaries = new ArrayList<>();
        rows.forEach(row -> summaries.add(row.get("software_id").asText() + " " + row.get("software_version").asText() + " "
                + row.get("scope").asText() + " tokens=" + row.get("tokens").asLong() + " subjects=" + row.get("distinct_subjects").asLong()));
        assertThat(summaries).containsExactlyInAnyOrder(
                "claude 1.0.0 read:customer_data tokens=3 subjects=2",
                "claude 1.0.0 mcp:tools tokens=1 subjects=1",
                "claude 2.0.0 read:customer_data tokens=1 subjects=1",
                "cursor 0.9.0 mcp:tools tokens=1 subjects=1");
    }

    @Test
    void reportIsExportedAsCsvWithTheQueryInItsHeader() throws Exception {
        ResponseEntity<String> response = AuditorRequests.csv(http,
                "/api/v1/reports/access?from=2026-10-01T00:00:00Z&to=2027-01-01T00:00:00Z&tenant=dev");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = response.getBody().split("\n");
        assertThat(lines[1]).startsWith("# from=2026-10-01T00:00:00Z to=2027-01-01T00:00:00Z tenant=dev").endsWith(" distinct_counts=exact");
        assertThat(lines[2]).isEqualTo("software_id,software_version,scope,tokens,distinct_clients,distinct_subjects,first_seen,last_seen");
    }

    @Test
    void openApiDescriptionListsTheReports() {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("/api/v1/reports/access", "/api/v1/reports/security", "/api/v1/clients/{clientId}/events");
    }

    @Test
    void reportWithoutAValidRangeIsRefusedWith400() {
        assertThat(get("/api/v1/reports/access?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/reports/access?from=yesterday&to=2026-01-01T00:00:00Z").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/reports/access?to=2026-01-01T00:00:00Z").getStatusCode().value()).isEqualTo(400);
    }

    /**
     * Asks with Elasticsearch's limit on a search's buckets lowered below what listing the two
     * software's clients and subjects takes, then puts the default back.
     */
    private ResponseEntity<String> withFewBucketsPerSearch(Callable<ResponseEntity<String>> request) throws Exception {
        elasticsearch.cluster().putSettings(s -> s.persistent("search.max_buckets", JsonData.of(8)));
        try {
            return request.call();
        } finally {
            elasticsearch.cluster().putSettings(s -> s.persistent("search.max_buckets", JsonData.of(DEFAULT_MAX_BUCKETS)));
        }
    }

    /** The access report for the fourth quarter of 2026 over {@link #tokensOfTwoSoftware}, in a tenant of its own. */
    private ResponseEntity<String> reportOfTwoSoftware(String parameters) throws Exception {
        String tenant = "dev-" + UUID.randomUUID();
        tokensOfTwoSoftware(tenant);
        return get("/api/v1/reports/access?from=2026-10-01T00:00:00Z&to=2027-01-01T00:00:00Z&tenant=" + tenant + parameters);
    }

    /** Tokens of claude (two versions) and cursor in this tenant, and one of another tenant. */
    private void tokensOfTwoSoftware(String tenant) throws Exception {
        String index = "access-it-" + UUID.randomUUID().toString().substring(0, 8);
        elasticsearch.indices().create(c -> c.index(index).mappings(m -> m
                .properties("tenant", p -> p.keyword(k -> k)).properties("clientId", p -> p.keyword(k -> k))
                .properties("softwareId", p -> p.keyword(k -> k)).properties("softwareVersion", p -> p.keyword(k -> k))
                .properties("scopes", p -> p.keyword(k -> k)).properties("subject", p -> p.keyword(k -> k))
                .properties("issuedAt", p -> p.date(d -> d))));
        token(index, tenant, "c1", "claude", "1.0.0", List.of("read:customer_data", "mcp:tools"), "alice", "2026-10-05T10:00:00Z");
        token(index, tenant, "c1", "claude", "1.0.0", List.of("read:customer_data"), "bob", "2026-11-05T10:00:00Z");
        token(index, tenant, "c2", "claude", "1.0.0", List.of("read:customer_data"), "alice", "2026-12-05T10:00:00Z");
        token(index, tenant, "c3", "claude", "2.0.0", List.of("read:customer_data"), "carol", "2026-12-06T10:00:00Z");
        token(index, tenant, "c4", "cursor", "0.9.0", List.of("mcp:tools"), "dave", "2026-12-07T10:00:00Z");
        token(index, tenant, "c1", "claude", "1.0.0", List.of("read:customer_data"), "erin", "2027-01-05T10:00:00Z");
        token(index, "other", "c9", "claude", "1.0.0", List.of("read:customer_data"), "zed", "2026-11-05T10:00:00Z");
        elasticsearch.indices().refresh(r -> r.index(index));
    }

    private void token(String index, String tenant, String clientId, String softwareId, String version, List<String> scopes,
                       String subject, String issuedAt) throws Exception {
        Map<String, Object> document = new HashMap<>(Map.of("tenant", tenant, "clientId", clientId, "softwareId", softwareId,
                "softwareVersion", version, "scopes", scopes, "subject", subject, "issuedAt", issuedAt));
        elasticsearch.index(i -> i.index(index).document(document));
    }

    private ResponseEntity<String> get(String path) {
        return AuditorRequests.get(http, path);
    }
}
