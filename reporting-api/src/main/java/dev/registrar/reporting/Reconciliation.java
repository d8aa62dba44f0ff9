package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Per event type, how many events the event store holds (asked of registry-service, the system of
 * record, with the auditor's own key) against how many the event log in Elasticsearch holds:
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
    private final Registry registry;

    Reconciliation(ElasticsearchClient elasticsearch, ReportingProperties properties, Registry registry) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.registry = registry;
    }

    private SearchRequest indexedRequest(String tenant) {
        List<Query> conditions = new ArrayList<>();
        ReportQueries.matching(conditions, "tenant", tenant);
        return SearchRequest.of(s -> s
                .index(properties.eventIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(0)
                .query(q -> q.bool(b -> b.filter(conditions)))
                .aggregations("type", Aggregation.of(a -> a.terms(t -> t.field("type").size(MAX_TYPES)))));
    }

    /**
     * An auditor of one tenant compares that tenant's events on both sides. registry-service is asked
     * with the auditor's own key, or, for an auditor who signed in with the IdP (whose token it cannot
     * verify), with the configured auditor key.
     */
    Result run(Auditor auditor, String presentedBearer) throws IOException {
        Map<String, Long> stored = registry.eventCounts(auditor.signedIn() ? configuredKey() : presentedBearer, auditor.tenant());
        Map<String, Long> indexed = new HashMap<>();
        elasticsearch.indices().refresh(r -> r.index(properties.eventIndexPattern()).allowNoIndices(true).ignoreUnavailable(true));
        for (StringTermsBucket bucket : elasticsearch.search(indexedRequest(auditor.tenant()), Void.class).aggregations().get("type").sterms().buckets().array()) {
            indexed.put(bucket.key().stringValue(), bucket.docCount());
        }
        return compare(stored, indexed);
    }

    private String configuredKey() {
        return properties.configuredAuditorKey().orElseThrow(
                () -> new RegistryUnavailable("reconciliation for auditors who sign in needs registrar.reporting.auditor-api-key"));
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
}
