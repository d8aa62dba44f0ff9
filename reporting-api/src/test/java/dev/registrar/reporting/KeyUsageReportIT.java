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
import org.springframework.http.ResponseEntity;

@WithLocalServers(Server.ELASTICSEARCH)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.reporting.auditor-api-key=auditor-key",
        "registrar.reporting.key-usage-index-pattern=key-usage-it-*"
})
class KeyUsageReportIT {

    private static final String RANGE = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;

    @Test
    void sumsEachKeysCallsPerOperationAndAnswerOverTheRange() throws Exception {
        String index = "key-usage-it-" + UUID.randomUUID().toString().substring(0, 8);
        elasticsearch.indices().create(c -> c.index(index).mappings(m -> m
                .properties("keyId", p -> p.keyword(k -> k)).properties("role", p -> p.keyword(k -> k))
                .properties("tenant", p -> p.keyword(k -> k)).properties("operation", p -> p.keyword(k -> k))
                .properties("status", p -> p.integer(i -> i)).properties("calls", p -> p.long_(l -> l))
                .properties("firstUsedAt", p -> p.date(d -> d)).properties("lastUsedAt", p -> p.date(d -> d))));
        String report = "reporting-api GET /api/v1/reports/access";
        use(index, "k-auditor", "auditor", "acme", report, 200, 3, "2026-11-02T10:00:00Z", "2026-11-02T10:00:40Z");
        use(index, "k-auditor", "auditor", "acme", report, 200, 1, "2026-11-03T09:00:00Z", "2026-11-03T09:00:00Z");
        use(index, "k-auditor", "auditor", "acme", report, 403, 1, "2026-11-03T09:00:00Z", "2026-11-03T09:00:00Z");
        use(index, "config:tenant:dev", "tenant", "dev", "GET /api/v1/clients/{clientId}", 200, 10, "2026-11-04T00:00:00Z",
                "2026-11-04T00:01:00Z");
        use(index, "k-auditor", "auditor", "acme", report, 200, 99, "2026-12-05T00:00:00Z", "2026-12-05T00:00:00Z");
        elasticsearch.indices().refresh(r -> r.index(index));

        JsonNode keys = json.readTree(get("/api/v1/reports/key-usage?" + RANGE).getBody()).get("keys");

        assertThat(keys.findValuesAsText("key_id")).containsExactly("config:tenant:dev", "k-auditor");
        JsonNode auditor = keys.get(1);
        assertThat(auditor.get("role").asText()).isEqualTo("auditor");
        assertThat(auditor.get("tenant").asText()).isEqualTo("acme");
        assertThat(auditor.get("calls").asLong()).as("the December use is outside the range").isEqualTo(5);
        assertThat(auditor.get("first_used").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(auditor.get("last_used").asText()).isEqualTo("2026-11-03T09:00:00Z");
        assertThat(auditor.get("operations").toString())
                .contains("{\"operation\":\"" + report + "\",\"status\":200,\"calls\":4}")
                .contains("{\"operation\":\"" + report + "\",\"status\":403,\"calls\":1}");

        JsonNode ofDev = json.readTree(get("/api/v1/reports/key-usage?" + RANGE + "&tenant=dev").getBody()).get("keys");
        assertThat(ofDev.findValuesAsText("key_id")).containsExactly("config:tenant:dev");

        String exported = AuditorRequests.csv(http, "/api/v1/reports/key-usage?" + RANGE + "&role=auditor").getBody();
        assertThat(exported).contains("key_id,role,tenant,operation,status,calls,first_used,last_used\n",
                "k-auditor,auditor,acme," + report + ",200,4,2026-11-02T10:00:00Z,2026-11-03T09:00:00Z\n").doesNotContain("config:tenant:dev");
    }

    private void use(String index, String keyId, String role, String tenant, String operation, int status, long calls, String first,
                     String last) throws Exception {
        elasticsearch.index(i -> i.index(index).document(Map.of("keyId", keyId, "role", role, "tenant", tenant, "operation", operation,
                "status", status, "calls", calls, "firstUsedAt", first, "lastUsedAt", last)));
    }

    private ResponseEntity<String> get(String path) {
        return AuditorRequests.get(http, path);
    }
}
