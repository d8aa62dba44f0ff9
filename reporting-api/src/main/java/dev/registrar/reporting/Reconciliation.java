package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Per event type, how many events the event store holds (asked of registry-service, the system of
 * record, with the auditors' read-only key) against how many the event log in Elasticsearch holds:
 * the evidence that nothing is missing.
 */
@Component
class Reconciliation {

    private static final int MAX_TYPES = 200;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TypeCount(String type, long eventStore, long elasticsearch, long missing) {
    }

    record Result(boolean complete, List<TypeCount> types) {
    }

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;
    private final RestClient registry;

    Reconciliation(ElasticsearchClient elasticsearch, ReportingProperties properties, RestClient.Builder http) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.registry = properties.registryUrl() == null ? null : http.baseUrl(properties.registryUrl().toString()).build();
    }

    SearchRequest indexedRequest() {
        return SearchRequest.of(s -> s
                .index(properties.eventIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .aggregations("type", Aggregation.of(a -> a.terms(t -> t.field("type").size(MAX_TYPES)))));
    }

    Result run() throws IOException {
        Map<String, Long> stored = stored();
        Map<String, Long> indexed = new HashMap<>();
        elasticsearch.indices().refresh(r -> r.index(properties.eventIndexPattern()).allowNoIndices(true).ignoreUnavailable(true));
        for (StringTermsBucket bucket : elasticsearch.search(indexedRequest(), Void.class).aggregations().get("type").sterms().buckets().array()) {
            indexed.put(bucket.key().stringValue(), bucket.docCount());
        }
        return compare(stored, indexed);
    }

    static Result compare(Map<String, Long> stored, Map<String, Long> indexed) {
        TreeSet<String> types = new TreeSet<>(stored.keySet());
        types.addAll(indexed.keySet());
        List<TypeCount> counts = types.stream().map(type -> {
            long inStore = stored.getOrDefault(type, 0L);
            long inIndex = indexed.getOrDefault(type, 0L);
            return new TypeCount(type, inStore, inIndex, Math.max(0, inStore - inIndex));
        }).toList();
        boolean complete = counts.stream().allMatch(count -> count.eventStore() == count.elasticsearch());
        return new Result(complete, counts);
    }

    private Map<String, Long> stored() {
        if (registry == null) {
            throw new RegistryUnavailable("reconciliation needs registrar.reporting.registry-url");
        }
        try {
            return registry.get().uri("/audit/v1/event-counts")
                    .header("Authorization", "Bearer " + properties.auditorApiKey())
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Long>>() {
                    });
        } catch (RestClientException unreachable) {
            throw new RegistryUnavailable("registry-service did not answer for the event store's counts");
        }
    }

    /** The system of record could not be asked; answered 503. */
    static final class RegistryUnavailable extends RuntimeException {
        RegistryUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
