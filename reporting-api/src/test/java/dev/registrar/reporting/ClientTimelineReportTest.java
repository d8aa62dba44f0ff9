package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ClientTimelineReportTest {

    private final JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    private final ClientTimelineReport report = new ClientTimelineReport(
            new ElasticsearchClient(null), new ReportingProperties("key", "registrar-events-*", "registrar-tokens-*", "registrar-security-*", "registrar-clients", "registrar-alerts-*",
                    "registrar-key-usage-*", 1000, null));

    @Test
    void requestFiltersOnTheClientAggregateAndSortsBySequence() throws Exception {
        var request = report.request("c-42", null, null, 1000);
        JsonNode body = new ObjectMapper().readTree(JsonpUtils.toJsonString(request, mapper));

        assertThat(request.index()).containsExactly("registrar-events-*");
        assertThat(body.at("/query/bool/filter/0/term/aggregateId/value").asText()).isEqualTo("c-42");
        assertThat(body.at("/query/bool/filter/1/term/aggregateType/value").asText()).isEqualTo("client");
        assertThat(body.at("/sort/0/aggregateSequence/order").asText()).isEqualTo("asc");
        assertThat(body.at("/size").asInt()).isEqualTo(1000);
        assertThat(body.has("search_after")).isFalse();
        assertThat(body.at("/query/bool/filter").size()).as("no tenant filter for an auditor of every tenant").isEqualTo(2);
    }

    @Test
    void anAuditorOfOneTenantSeesOnlyThatTenantsEvents() throws Exception {
        JsonNode body = new ObjectMapper().readTree(JsonpUtils.toJsonString(report.request("c-42", "acme", null, 50), mapper));

        assertThat(body.at("/query/bool/filter/2/term/tenant/value").asText()).isEqualTo("acme");
    }

    @Test
    void nextPageContinuesAfterTheLastSequenceOfThePreviousOne() throws Exception {
        JsonNode body = new ObjectMapper().readTree(JsonpUtils.toJsonString(report.request("c-42", null, 99L, 50), mapper));

        assertThat(body.at("/search_after/0").asLong()).isEqualTo(99);
        assertThat(body.at("/size").asInt()).isEqualTo(50);
    }
}
