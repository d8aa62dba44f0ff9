package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
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
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which software, at which version, obtained which scopes in a time range: token counts, distinct
 * clients and subjects, first and last seen. One query over the token index, no join: each token
 * document carries the client's software id and version at issuance.
 */
@Component
class AccessReport {

    /** Shown where a client registered without a software_id or software_version. */
    static final String NONE = "(none)";
    private static final int MAX_BUCKETS = 1000;
    /** Distinct counts are exact up to this many values per row (Elasticsearch's largest threshold). */
    private static final int EXACT_DISTINCT_UP_TO = 40_000;

    /** The report's question. Only {@code from} and {@code to} are required. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Filters(Instant from, Instant to, String tenant, String scope, String softwareId, String softwareVersion,
                   String clientId, String subject) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Row(String softwareId, String softwareVersion, String scope, long tokens, long distinctClients, long distinctSubjects,
               Instant firstSeen, Instant lastSeen) {
    }

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;

    AccessReport(ElasticsearchClient elasticsearch, ReportingProperties properties) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    SearchRequest request(Filters filters) {
        List<Query> conditions = new ArrayList<>();
        conditions.add(ReportQueries.within("issuedAt", filters.from(), filters.to()));
        ReportQueries.matching(conditions, "tenant", filters.tenant());
        ReportQueries.matching(conditions, "scopes", filters.scope());
        ReportQueries.matching(conditions, "softwareId", filters.softwareId());
        ReportQueries.matching(conditions, "softwareVersion", filters.softwareVersion());
        ReportQueries.matching(conditions, "clientId", filters.clientId());
        ReportQueries.matching(conditions, "subject", filters.subject());

        Map<String, Aggregation> perRow = Map.of(
                "clients", Aggregation.of(c -> c.cardinality(d -> d.field("clientId").precisionThreshold(EXACT_DISTINCT_UP_TO))),
                "subjects", Aggregation.of(c -> c.cardinality(d -> d.field("subject").precisionThreshold(EXACT_DISTINCT_UP_TO))),
                "first", Aggregation.of(f -> f.min(m -> m.field("issuedAt"))),
                "last", Aggregation.of(l -> l.max(m -> m.field("issuedAt"))));
        // Asked about one scope, every token the query matches carries it: a level of buckets per scope would only
        // repeat the version's, at about a fifth of the query's time over ten million tokens.
        Map<String, Aggregation> perVersionRows = filters.scope() != null ? perRow : Map.of("scope", Aggregation.of(a -> a
                .terms(t -> t.field("scopes").size(MAX_BUCKETS))
                .aggregations(perRow)));
        Aggregation perVersion = Aggregation.of(a -> a
                .terms(t -> t.field("softwareVersion").size(MAX_BUCKETS).missing(NONE))
                .aggregations(perVersionRows));
        Aggregation perSoftware = Aggregation.of(a -> a
                .terms(t -> t.field("softwareId").size(MAX_BUCKETS).missing(NONE))
                .aggregations("version", perVersion));
        return SearchRequest.of(s -> s
                .index(properties.tokenIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .query(q -> q.bool(b -> b.filter(conditions)))
                .aggregations("software", perSoftware));
    }

    List<Row> run(Filters filters) throws IOException {
        SearchResponse<Void> response = elasticsearch.search(request(filters), Void.class);
        Aggregate software = response.aggregations().get("software");
        List<Row> rows = new ArrayList<>();
        if (software == null) {
            return rows;
        }
        for (StringTermsBucket softwareBucket : software.sterms().buckets().array()) {
            for (StringTermsBucket versionBucket : softwareBucket.aggregations().get("version").sterms().buckets().array()) {
                if (filters.scope() != null) {
                    rows.add(row(softwareBucket, versionBucket, filters.scope(), versionBucket.docCount(), versionBucket.aggregations()));
                } else {
                    for (StringTermsBucket scopeBucket : versionBucket.aggregations().get("scope").sterms().buckets().array()) {
                        rows.add(row(softwareBucket, versionBucket, scopeBucket.key().stringValue(), scopeBucket.docCount(),
                                scopeBucket.aggregations()));
                    }
                }
            }
        }
        return rows;
    }

    private static Row row(StringTermsBucket software, StringTermsBucket version, String scope, long tokens, Map<String, Aggregate> metrics) {
        return new Row(software.key().stringValue(), version.key().stringValue(), scope, tokens, metrics.get("clients").cardinality().value(),
                metrics.get("subjects").cardinality().value(), Instant.ofEpochMilli((long) metrics.get("first").min().value()),
                Instant.ofEpochMilli((long) metrics.get("last").max().value()));
    }
}
