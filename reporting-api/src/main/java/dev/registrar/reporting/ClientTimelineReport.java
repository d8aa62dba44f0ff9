package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Every event of one client, in the order the client's aggregate recorded them, a page at a time:
 * each page continues after the last sequence of the one before ({@code search_after}).
 */
@Component
class ClientTimelineReport {

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;

    ClientTimelineReport(ElasticsearchClient elasticsearch, ReportingProperties properties) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    /**
     * @param tenant        the only tenant whose events may be returned; null for any
     * @param afterSequence the last sequence of the previous page; null for the first page
     */
    SearchRequest request(String clientId, String tenant, Long afterSequence, int size) {
        List<Query> conditions = new ArrayList<>();
        ReportQueries.matching(conditions, "aggregateId", clientId);
        ReportQueries.matching(conditions, "aggregateType", "client");
        ReportQueries.matching(conditions, "tenant", tenant);
        return SearchRequest.of(s -> {
            s.index(properties.eventIndexPattern())
                    .allowNoIndices(true)
                    .ignoreUnavailable(true)
                    .query(q -> q.bool(b -> b.filter(conditions)))
                    .sort(sort -> sort.field(f -> f.field("aggregateSequence").order(SortOrder.Asc)))
                    .size(Math.min(size, properties.maxTimelineEvents()));
            if (afterSequence != null) {
                s.searchAfter(FieldValue.of(afterSequence));
            }
            return s;
        });
    }

    List<ObjectNode> page(String clientId, String tenant, Long afterSequence, int size) throws IOException {
        SearchResponse<ObjectNode> response = elasticsearch.search(request(clientId, tenant, afterSequence, size), ObjectNode.class);
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }

    int maxPage() {
        return properties.maxTimelineEvents();
    }
}
