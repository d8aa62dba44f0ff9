package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessReportTest {

    private final AccessReport report = new AccessReport(new ElasticsearchClient(null),
            new ReportingProperties("key", "registrar-events-*", "registrar-tokens-*", "registrar-security-*", "registrar-clients", "registrar-alerts-*",
                    "registrar-key-usage-*", 1000, null));

    @Test
    void requestFiltersTheTimeRangeAndGroupsBySoftwareVersionAndScope() throws Exception {
        JsonNode body = json(new AccessReport.Filters(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                "dev", null, null, null, null, null, null), AccessReport.DistinctCounts.ESTIMATED);

        assertThat(body.at("/size").asInt()).isZero();
        assertThat(body.at("/query/bool/filter/0/range/issuedAt/gte").asText()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(body.at("/query/bool/filter/0/range/issuedAt/lt").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(body.at("/query/bool/filter/1/term/tenant/value").asText()).isEqualTo("dev");
        assertThat(body.at("/aggregations/software/terms/field").asText()).isEqualTo("softwareId");
        assertThat(body.at("/aggregations/software/aggregations/version/terms/field").asText()).isEqualTo("softwareVersion");
        JsonNode scope = body.at("/aggregations/software/aggregations/version/aggregations/scope");
        assertThat(scope.at("/terms/field").asText()).isEqualTo("scopes");
        assertThat(scope.at("/terms/include").isMissingNode()).isTrue();
        assertThat(scope.at("/aggregations/clients/cardinality/field").asText()).isEqualTo("clientId");
        assertThat(scope.at("/aggregations/subjects/cardinality/field").asText()).isEqualTo("subject");
        assertThat(scope.at("/aggregations/subjects/cardinality/precision_threshold").asInt()).isEqualTo(40_000);
    }

    @Test
    void exactDistinctCountsListEveryClientAndSubjectOfARow() throws Exception {
        JsonNode body = json(new AccessReport.Filters(Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"),
                null, "read:customer_data", "claude", null, null, null, AccessReport.DistinctCounts.EXACT), AccessReport.DistinctCounts.EXACT);

        JsonNode version = body.at("/aggregations/software/aggregations/version");
        assertThat(version.at("/aggregations/clients/terms/field").asText()).isEqualTo("clientId");
        assertThat(version.at("/aggregations/subjects/terms/field").asText()).isEqualTo("subject");
        assertThat(version.at("/aggregations/subjects/terms/size").asInt()).isEqualTo(65_536);
        assertThat(version.at("/aggregations/subjects/cardinality").isMissingNode()).isTrue();
    }

    @Test
    void scopeFilterMakesEachVersionOneRowOfThatScope() throws Exception {
        JsonNode body = json(new AccessReport.Filters(Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"),
                null, "read:customer_data", null, null, null, null, null), AccessReport.DistinctCounts.ESTIMATED);

        assertThat(body.at("/query/bool/filter/1/term/scopes/value").asText()).isEqualTo("read:customer_data");
        JsonNode version = body.at("/aggregations/software/aggregations/version");
        assertThat(version.at("/aggregations/scope").isMissingNode()).as("no level per scope: every token matched carries it").isTrue();
        assertThat(version.at("/aggregations/clients/cardinality/field").asText()).isEqualTo("clientId");
        assertThat(version.at("/aggregations/subjects/cardinality/field").asText()).isEqualTo("subject");
    }

    private JsonNode json(AccessReport.Filters filters, AccessReport.DistinctCounts counts) throws Exception {
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(report.request(filters, counts), new JacksonJsonpMapper()));
    }
}
