package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@WithLocalServers(Server.ELASTICSEARCH)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registrar.reporting.auditor-api-key=auditor-key",
        "registrar.reporting.event-index-pattern=timeline-it-*"
})
class ClientTimelineIT {

    private static final String INDEX = "timeline-it-2026.11";

    @Autowired
    TestRestTemplate http;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;

    private final String clientId = UUID.randomUUID().toString();

    @BeforeEach
    void indexEventsOutOfOrder() throws Exception {
        if (!elasticsearch.indices().exists(e -> e.index(INDEX)).value()) {
            elasticsearch.indices().create(c -> c.index(INDEX).mappings(m -> m
                    .properties("aggregateId", p -> p.keyword(k -> k))
                    .properties("aggregateType", p -> p.keyword(k -> k))
                    .properties("aggregateSequence", p -> p.long_(l -> l))));
        }
        for (int sequence : new int[] {2, 0, 1}) {
            Map<String, Object> event = Map.of("eventId", clientId + "-" + sequence, "type", "client.registered",
                    "aggregateType", "client", "aggregateId", clientId, "aggregateSequence", sequence);
            elasticsearch.index(i -> i.index(INDEX).id(clientId + "-" + sequence).document(event));
        }
        Map<String, Object> otherClient = Map.of("eventId", "other", "aggregateType", "client", "aggregateId", "other-client",
                "aggregateSequence", 0);
        elasticsearch.index(i -> i.index(INDEX).id("other-" + clientId).document(otherClient));
        elasticsearch.indices().refresh(r -> r.index(INDEX));
    }

    @Test
    void timelineListsTheClientsEventsInSequenceOrder() throws Exception {
        ResponseEntity<String> response = get("/api/v1/clients/" + clientId + "/events", "auditor-key");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("client_id").asText()).isEqualTo(clientId);
        assertThat(body.get("events").findValuesAsText("eventId"))
                .containsExactly(clientId + "-0", clientId + "-1", clientId + "-2");
    }

    @Test
    void timelineIsPagedWithSearchAfter() throws Exception {
        JsonNode first = json.readTree(get("/api/v1/clients/" + clientId + "/events?size=2", "auditor-key").getBody());
        assertThat(first.get("events").findValuesAsText("eventId")).containsExactly(clientId + "-0", clientId + "-1");
        assertThat(first.get("next_after").asLong()).isEqualTo(1);

        JsonNode second = json.readTree(get("/api/v1/clients/" + clientId + "/events?size=2&after=1", "auditor-key").getBody());
        assertThat(second.get("events").findValuesAsText("eventId")).containsExactly(clientId + "-2");
        assertThat(second.has("next_after")).isFalse();
    }

    @Test
    void timelineIsExportedAsCsvWithTheClientInItsHeader() {
        ResponseEntity<String> response = AuditorRequests.csv(http, "/api/v1/clients/" + clientId + "/events");

        String[] lines = response.getBody().split("\n");
        assertThat(lines[1]).isEqualTo("# client_id=" + clientId);
        assertThat(lines).hasSize(6);
        assertThat(lines[3]).startsWith("0,");
        assertThat(lines[5]).startsWith("2,");
    }

    @Test
    void unknownClientHasAnEmptyTimeline() throws Exception {
        ResponseEntity<String> response = get("/api/v1/clients/" + UUID.randomUUID() + "/events", "auditor-key");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).get("events")).isEmpty();
    }

    @Test
    void timelineWithoutTheAuditorKeyIsRefusedWith401() throws Exception {
        for (String key : new String[] {null, "wrong-key"}) {
            ResponseEntity<String> response = get("/api/v1/clients/" + clientId + "/events", key);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(json.readTree(response.getBody()).get("type").asText()).endsWith("/unauthenticated");
        }
    }

    @Test
    void dotSegmentsInThePathDoNotSlipPastTheKeyCheck() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/x/../api/v1/clients/" + clientId + "/events")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(400, 401, 404);
    }

    @Test
    void healthIsOpenAndUp() {
        ResponseEntity<String> response = get("/actuator/health", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("UP");
    }

    private ResponseEntity<String> get(String path, String key) {
        return AuditorRequests.get(http, path, key);
    }
}
