package dev.registrar.anomaly;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.UpdateResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.projector.AlertIndex;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The alerts index, written by partial updates: the detector's fields are merged into the
 * document, so an auditor's acknowledgement and the delivery record survive every later revision.
 * Alerts arrive in order per alert id, so the last revision applied is the newest.
 */
@Component
class AlertDocuments {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ElasticsearchClient elasticsearch;
    private final ObjectMapper json;

    AlertDocuments(ElasticsearchClient elasticsearch, ObjectMapper json) {
        this.elasticsearch = elasticsearch;
        this.json = json;
    }

    /** Merges this revision into the alert's document; true when the alert was delivered before. */
    boolean saveAndCheckNotified(Alert alert) throws IOException {
        ObjectNode stored = merge(alert, json.convertValue(alert, FIELDS));
        return stored != null && stored.hasNonNull("notifiedAt");
    }

    void recordDeliveries(Alert alert, Instant at, List<DeliveryOutcome> deliveries) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notifiedAt", at.toString());
        fields.put("deliveries", json.convertValue(deliveries, new TypeReference<List<Map<String, Object>>>() {
        }));
        merge(alert, fields);
    }

    /** The document as the merge left it, returned by the same request. */
    private ObjectNode merge(Alert alert, Map<String, Object> fields) throws IOException {
        UpdateResponse<ObjectNode> merged = elasticsearch.update(u -> u.index(AlertIndex.indexFor(alert.openedAt())).id(alert.alertId())
                .doc(fields).docAsUpsert(true).source(source -> source.fetch(true)), ObjectNode.class);
        return merged.get() == null ? null : merged.get().source();
    }
}
