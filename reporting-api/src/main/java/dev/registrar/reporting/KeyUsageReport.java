package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who used which key for what: per key (tenant, administrator and auditor keys alike), its calls,
 * when it was first and last used in the range, and its calls per operation and answer.
 */
@Component
class KeyUsageReport {

    private static final int MAX_KEYS = 1_000;
    private static final int MAX_OPERATIONS = 100;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Filters(Instant from, Instant to, String tenant, String keyId, String role) {
    }

    record Operation(String operation, int status, long calls) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Row(String keyId, String role, String tenant, long calls, Instant firstUsed, Instant lastUsed, List<Operation> operations) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(Filters query, List<Row> keys) {
    }

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;

    KeyUsageReport(ElasticsearchClient elasticsearch, ReportingProperties properties) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    SearchRequest request(Filters filters) {
        List<Query> conditions = new ArrayList<>();
        conditions.add(ReportQueries.within("lastUsedAt", filters.from(), filters.to()));
        ReportQueries.matching(conditions, "tenant", filters.tenant());
        ReportQueries.matching(conditions, "keyId", filters.keyId());
        ReportQueries.matching(conditions, "role", filters.role());
        Map<String, Aggregation> perKey = Map.of(
                "calls", Aggregation.of(a -> a.sum(s -> s.field("calls"))),
                "first", Aggregation.of(a -> a.min(m -> m.field("firstUsedAt"))),
                "last", Aggregation.of(a -> a.max(m -> m.field("lastUsedAt"))),
                "role", Aggregation.of(a -> a.terms(t -> t.field("role").size(1))),
                "tenant", Aggregation.of(a -> a.terms(t -> t.field("tenant").size(1))),
                "operation", Aggregation.of(a -> a.terms(t -> t.field("operation").size(MAX_OPERATIONS))
                        .aggregations("status", Aggregation.of(s -> s.terms(t -> t.field("status").size(20))
                                .aggregations("calls", Aggregation.of(c -> c.sum(sum -> sum.field("calls"))))))));
        return SearchRequest.of(s -> s
                .index(properties.keyUsageIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .query(q -> q.bool(b -> b.filter(conditions)))
                .aggregations("key", Aggregation.of(a -> a.terms(t -> t.field("keyId").size(MAX_KEYS)
                                .order(List.of(NamedValue.of("calls", SortOrder.Desc))))
                        .aggregations(perKey))));
    }

    Result run(Filters filters) throws IOException {
        SearchResponse<Void> response = elasticsearch.search(request(filters), Void.class);
        List<Row> rows = new ArrayList<>();
        for (StringTermsBucket key : response.aggregations().get("key").sterms().buckets().array()) {
            Map<String, Aggregate> of = key.aggregations();
            List<Operation> operations = new ArrayList<>();
            for (StringTermsBucket operation : of.get("operation").sterms().buckets().array()) {
                for (LongTermsBucket status : operation.aggregations().get("status").lterms().buckets().array()) {
                    operations.add(new Operation(operation.key().stringValue(), (int) status.key(),
                            (long) status.aggregations().get("calls").sum().value()));
                }
            }
            rows.add(new Row(key.key().stringValue(), first(of.get("role")), first(of.get("tenant")), (long) of.get("calls").sum().value(),
                    Instant.ofEpochMilli((long) of.get("first").min().value()), Instant.ofEpochMilli((long) of.get("last").max().value()),
                    operations));
        }
        return new Result(filters, rows);
    }

    private static String first(Aggregate terms) {
        return terms.sterms().buckets().array().stream().findFirst().map(bucket -> bucket.key().stringValue()).orElse(null);
    }
}
