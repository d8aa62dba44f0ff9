package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@WithLocalServers(Server.ELASTICSEARCH)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.reporting.auditor-api-key=auditor-key",
        "registrar.reporting.alert-index-pattern=alerts-it-*"
})
class AlertsIT {

    private final String index = "alerts-it-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;

    @Test
    void alertsAreListedNewestFirstFilteredByKindTenantAndTimeAndCanBeAcknowledged() throws Exception {
        elasticsearch.indices().create(c -> c.index(index).mappings(m -> m
                .properties("kind", p -> p.keyword(k -> k)).properties("tenant", p -> p.keyword(k -> k))
                .properties("alertId", p -> p.keyword(k -> k)).properties("openedAt", p -> p.date(d -> d))
                .properties("updatedAt", p -> p.date(d -> d)).properties("acknowledgedAt", p -> p.date(d -> d))
                .properties("acknowledgedBy", p -> p.keyword(k -> k))));
        alert("a-1", "registration-spike", "dev", "2026-11-02T10:00:00Z");
        alert("a-2", "unusual-scope", "dev", "2026-11-03T10:00:00Z");
        alert("a-3", "registration-spike", "other", "2026-11-04T10:00:00Z");
        alert("a-4", "registration-spike", "dev", "2026-12-04T10:00:00Z");
        elasticsearch.indices().refresh(r -> r.index(index));

        JsonNode spikes = json.readTree(exchange(HttpMethod.GET,
                "/api/v1/alerts?kind=registration-spike&tenant=dev&from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z", null).getBody());
        assertThat(spikes.get("total").asLong()).isEqualTo(2);
        assertThat(spikes.get("alerts").findValuesAsText("alertId")).containsExactly("a-4", "a-1");

        ResponseEntity<String> acknowledged = exchange(HttpMethod.POST, "/api/v1/alerts/a-1/acknowledgement", "{\"note\":\"known load test\"}");
        assertThat(acknowledged.getStatusCode().value()).as(acknowledged.getBody()).isEqualTo(200);
        assertThat(json.readTree(acknowledged.getBody()).get("acknowledgedBy").asText()).isEqualTo("config:auditor");
        assertThat(json.readTree(acknowledged.getBody()).get("acknowledgementNote").asText()).isEqualTo("known load test");

        JsonNode open = json.readTree(exchange(HttpMethod.GET, "/api/v1/alerts?acknowledged=false", null).getBody());
        assertThat(open.get("alerts").findValuesAsText("alertId")).containsExactly("a-4", "a-3", "a-2");
        JsonNode done = json.readTree(exchange(HttpMethod.GET, "/api/v1/alerts?acknowledged=true", null).getBody());
        assertThat(done.get("alerts").findValuesAsText("alertId")).containsExactly("a-1");
    }

    @Test
    void anUnknownAlertIsANotFoundWithItsCode() {
        ResponseEntity<String> missing = exchange(HttpMethod.POST, "/api/v1/alerts/no-such-alert/acknowledgement", "{}");

        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).contains("alert-not-found");
        assertThat(missing.getHeaders().getFirst("X-Content-Type-Options")).as("security headers on every response").isEqualTo("nosniff");
        assertThat(missing.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aHalfOpenTimeRangeIsRefused() {
        ResponseEntity<String> refused = exchange(HttpMethod.GET, "/api/v1/alerts?from=2026-11-01T00:00:00Z", null);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("invalid-report-request");
    }

    private void alert(String id, String kind, String tenant, String openedAt) throws Exception {
        elasticsearch.index(i -> i.index(index).id(id).document(Map.of("alertId", id, "kind", kind, "tenant", tenant,
                "openedAt", openedAt, "updatedAt", openedAt)));
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("auditor-key");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
