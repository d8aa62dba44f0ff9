package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Refused registrations and failed client authentications in a time range, by reason, software_id and source. */
@Component
class SecurityReport {

    private static final int TOP = 50;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Filters(Instant from, Instant to, String tenant, String kind) {
    }

    record ByReason(String kind, String reason, long count) {
    }

    record ByValue(String value, long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(Filters query, long total, List<ByReason> byReason, List<ByValue> bySoftwareId, List<ByValue> bySource) {
    }

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;

    SecurityReport(ElasticsearchClient elasticsearch, ReportingProperties properties) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    SearchRequest request(Filters filters) {
        List<Query> conditions = new ArrayList<>();
        conditions.add(ReportQueries.within("occurredAt", filters.from(), filters.to()));
        ReportQueries.matching(conditions, "tenant", filters.tenant());
        ReportQueries.matching(conditions, "kind", filters.kind());
        return SearchRequest.of(s -> s
                .index(properties.securityIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(conditions)))
                .aggregations("kind", Aggregation.of(a -> a.terms(t -> t.field("kind").size(10))
                        .aggregations("reason", Aggregation.of(r -> r.terms(t -> t.field("reason").size(TOP))))))
                .aggregations("software", Aggregation.of(a -> a.terms(t -> t.field("softwareId").size(TOP))))
                .aggregations("source", Aggregation.of(a -> a.terms(t -> t.field("remoteAddress").size(TOP)))));
    }

    Result run(Filters filters) throws IOException {
        SearchResponse<Void> response = elasticsearch.search(request(filters), Void.class);
        List<ByReason> byReason = new ArrayList<>();
        for (StringTermsBucket kind : response.aggregations().get("kind").sterms().buckets().array()) {
            for (StringTermsBucket reason : kind.aggregations().get("reason").sterms().buckets().array()) {
                byReason.add(new ByReason(kind.key().stringValue(), reason.key().stringValue(), reason.docCount()));
            }
        }
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new Result(filters, total, byReason, values(response, "software"), values(response, "source"));
    }

    private static List<ByValue> values(SearchResponse<Void> response, String aggregation) {
        return response.aggregations().get(aggregation).sterms().buckets().array().stream()
                .map(bucket -> new ByValue(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }
}
