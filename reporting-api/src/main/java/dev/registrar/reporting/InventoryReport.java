package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
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

/**
 * The client inventory: clients by status, by software id and version, by registration method (from
 * the clients index, each client's current state), and registrations over time (from the event log).
 */
@Component
class InventoryReport {

    private static final int TOP = 1000;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Filters(Instant from, Instant to, String tenant, CalendarInterval interval) {
    }

    record ByValue(String value, long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BySoftware(String softwareId, String softwareVersion, long count) {
    }

    record Period(Instant from, long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(Filters query, List<ByValue> byStatus, List<BySoftware> bySoftware, List<ByValue> byRegistrationMethod,
                  List<Period> registrations) {
    }

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;

    InventoryReport(ElasticsearchClient elasticsearch, ReportingProperties properties) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
    }

    SearchRequest clientsRequest(Filters filters) {
        List<Query> conditions = tenant(filters);
        return SearchRequest.of(s -> s
                .index(properties.clientIndex())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .query(q -> q.bool(b -> b.filter(conditions)))
                .aggregations("status", Aggregation.of(a -> a.terms(t -> t.field("status").size(10))))
                .aggregations("method", Aggregation.of(a -> a.terms(t -> t.field("registrationMethod").size(10))))
                .aggregations("software", Aggregation.of(a -> a.terms(t -> t.field("softwareId").size(TOP).missing(AccessReport.NONE))
                        .aggregations("version", Aggregation.of(v -> v.terms(t -> t.field("softwareVersion").size(TOP)
                                .missing(AccessReport.NONE)))))));
    }

    SearchRequest registrationsRequest(Filters filters) {
        List<Query> conditions = tenant(filters);
        ReportQueries.matching(conditions, "type", "client.registered");
        conditions.add(ReportQueries.within("occurredAt", filters.from(), filters.to()));
        return SearchRequest.of(s -> s
                .index(properties.eventIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .query(q -> q.bool(b -> b.filter(conditions)))
                .aggregations("registrations", Aggregation.of(a -> a.dateHistogram(h -> h.field("occurredAt")
                        .calendarInterval(filters.interval())))));
    }

    Result run(Filters filters) throws IOException {
        SearchResponse<Void> clients = elasticsearch.search(clientsRequest(filters), Void.class);
        SearchResponse<Void> registrations = elasticsearch.search(registrationsRequest(filters), Void.class);
        List<BySoftware> bySoftware = new ArrayList<>();
        for (StringTermsBucket software : clients.aggregations().get("software").sterms().buckets().array()) {
            for (StringTermsBucket version : software.aggregations().get("version").sterms().buckets().array()) {
                bySoftware.add(new BySoftware(software.key().stringValue(), version.key().stringValue(), version.docCount()));
            }
        }
        List<Period> periods = registrations.aggregations().get("registrations").dateHistogram().buckets().array().stream()
                .map(bucket -> new Period(Instant.ofEpochMilli(bucket.key()), bucket.docCount()))
                .toList();
        return new Result(filters, values(clients, "status"), bySoftware, values(clients, "method"), periods);
    }

    private static List<Query> tenant(Filters filters) {
        List<Query> conditions = new ArrayList<>();
        ReportQueries.matching(conditions, "tenant", filters.tenant());
        return conditions;
    }

    private static List<ByValue> values(SearchResponse<Void> response, String aggregation) {
        return response.aggregations().get(aggregation).sterms().buckets().array().stream()
                .map(bucket -> new ByValue(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }
}
