package dev.registrar.reporting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.UpdateResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The anomaly detector's alerts, newest first, and their acknowledgement. Acknowledging writes
 * only the acknowledgement fields, so the detector's later updates of the alert keep it.
 */
@Component
class Alerts {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Filters(String kind, String tenant, Instant from, Instant to, Boolean acknowledged, int size) {
    }

    record Result(Filters query, long total, List<ObjectNode> alerts) {
    }

    /** No alert has this id. */
    static final class AlertNotFound extends RuntimeException {

        AlertNotFound(String alertId) {
            super("no alert has the id " + alertId, null, false, false);
        }
    }

    private final ElasticsearchClient elasticsearch;
    private final ReportingProperties properties;
    private final Clock clock;

    Alerts(ElasticsearchClient elasticsearch, ReportingProperties properties, Clock clock) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.clock = clock;
    }

    Result list(Filters filters) throws IOException {
        List<Query> conditions = new ArrayList<>();
        ReportQueries.matching(conditions, "kind", filters.kind());
        ReportQueries.matching(conditions, "tenant", filters.tenant());
        if (filters.from() != null && filters.to() != null) {
            conditions.add(ReportQueries.within("openedAt", filters.from(), filters.to()));
        }
        Query acknowledgement = Query.of(q -> q.exists(e -> e.field("acknowledgedAt")));
        SearchResponse<ObjectNode> response = elasticsearch.search(s -> s
                .index(properties.alertIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(filters.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(sort -> sort.field(f -> f.field("updatedAt").order(SortOrder.Desc)))
                .query(q -> q.bool(b -> {
                    b.filter(conditions);
                    if (Boolean.TRUE.equals(filters.acknowledged())) {
                        b.filter(acknowledgement);
                    } else if (Boolean.FALSE.equals(filters.acknowledged())) {
                        b.mustNot(acknowledgement);
                    }
                    return b;
                })), ObjectNode.class);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new Result(filters, total, response.hits().hits().stream().map(Hit::source).toList());
    }

    ObjectNode get(String alertId, Auditor auditor) throws IOException {
        return find(alertId, auditor).source();
    }

    /** Recorded under the acknowledging auditor's key id. */
    ObjectNode acknowledge(String alertId, Auditor auditor, String note) throws IOException {
        Hit<ObjectNode> alert = find(alertId, auditor);
        Map<String, Object> acknowledgement = new HashMap<>(Map.of("acknowledgedBy", auditor.keyId(), "acknowledgedAt", clock.instant().toString()));
        if (note != null && !note.isBlank()) {
            acknowledgement.put("acknowledgementNote", note);
        }
        // Refreshed before the answer, so a listing right after shows it acknowledged; the answer is the updated alert.
        UpdateResponse<ObjectNode> acknowledged = elasticsearch.update(u -> u.index(alert.index()).id(alertId).doc(acknowledgement)
                .refresh(Refresh.WaitFor).source(source -> source.fetch(true)), ObjectNode.class);
        return acknowledged.get().source();
    }

    /** Another tenant's alert is, to an auditor of one tenant, not there. */
    private Hit<ObjectNode> find(String alertId, Auditor auditor) throws IOException {
        SearchResponse<ObjectNode> response = elasticsearch.search(s -> s
                .index(properties.alertIndexPattern())
                .allowNoIndices(true)
                .ignoreUnavailable(true)
                .size(1)
                .query(q -> q.ids(i -> i.values(alertId))), ObjectNode.class);
        return response.hits().hits().stream().findFirst()
                .filter(hit -> hit.source() != null && auditor.sees(hit.source().path("tenant").asText(null)))
                .orElseThrow(() -> new AlertNotFound(alertId));
    }
}
