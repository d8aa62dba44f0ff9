package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

@WithLocalServers(Server.ELASTICSEARCH)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.reporting.auditor-api-key=auditor-key",
        "registrar.reporting.security-index-pattern=security-it-*"
})
class SecurityReportIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;

    @Test
    void securityViewCountsRefusalsAndFailuresByReasonSoftwareAndSource() throws Exception {
        String index = "security-it-" + UUID.randomUUID().toString().substring(0, 8);
        elasticsearch.indices().create(c -> c.index(index).mappings(m -> m
                .properties("kind", p -> p.keyword(k -> k)).properties("tenant", p -> p.keyword(k -> k))
                .properties("reason", p -> p.keyword(k -> k)).properties("softwareId", p -> p.keyword(k -> k))
                .properties("remoteAddress", p -> p.keyword(k -> k)).properties("occurredAt", p -> p.date(d -> d))));
        event(index, "registration-rejected", "invalid_redirect_uri", "evil-tool", "203.0.113.9", "2026-11-02T10:00:00Z");
        event(index, "registration-rejected", "invalid_redirect_uri", "evil-tool", "203.0.113.9", "2026-11-02T10:01:00Z");
        event(index, "registration-rejected", "invalid_client_metadata", "other-tool", "198.51.100.7", "2026-11-02T10:02:00Z");
        event(index, "authentication-failed", "wrong-or-expired-secret", null, "203.0.113.9", "2026-11-02T10:03:00Z");
        event(index, "authentication-failed", "wrong-or-expired-secret", null, "203.0.113.9", "2026-12-02T10:03:00Z");
        elasticsearch.indices().refresh(r -> r.index(index));

        ResponseEntity<String> response = get("/api/v1/reports/security?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.get("total").asLong()).isEqualTo(4);
        assertThat(report.get("by_reason").get(0).get("kind").asText()).isEqualTo("registration-rejected");
        assertThat(report.get("by_reason").get(0).get("reason").asText()).isEqualTo("invalid_redirect_uri");
        assertThat(report.get("by_reason").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(report.get("by_software_id").get(0).get("value").asText()).isEqualTo("evil-tool");
        assertThat(report.get("by_source").get(0).get("value").asText()).isEqualTo("203.0.113.9");
        assertThat(report.get("by_source").get(0).get("count").asLong()).isEqualTo(3);

        String exported = AuditorRequests.csv(http, "/api/v1/reports/security?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z")
                .getBody();
        assertThat(exported.split("\n")[1]).startsWith("# from=2026-11-01T00:00:00Z to=2026-12-01T00:00:00Z").endsWith("total=4");
        assertThat(exported).contains("reason,registration-rejected/invalid_redirect_uri,2\n", "source,203.0.113.9,3\n");
    }

    private void event(String index, String kind, String reason, String softwareId, String source, String at) throws Exception {
        Map<String, Object> document = new HashMap<>(Map.of("kind", kind, "tenant", "dev", "reason", reason, "remoteAddress", source,
                "occurredAt", at));
        if (softwareId != null) {
            document.put("softwareId", softwareId);
        }
        elasticsearch.index(i -> i.index(index).document(document));
    }

    private ResponseEntity<String> get(String path) {
        return AuditorRequests.get(http, path);
    }
}
