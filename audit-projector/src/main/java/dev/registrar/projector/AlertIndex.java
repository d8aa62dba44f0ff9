package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.util.Map;

/**
 * Alerts of the anomaly detector, one document per alert id, updated while the anomaly lasts (a
 * sustained spike is one alert, not a thousand), in monthly indices by when it opened. The projector
 * owns the template like every other; the detector that raises the alerts writes to it.
 */
final class AlertIndex {

    static final String PREFIX = "registrar-alerts-";
    static final String PATTERN = PREFIX + "*";

    private AlertIndex() {
    }

    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, "registrar-alerts", PATTERN, replicas, mapping());
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.ofEntries(
                        Map.entry("alertId", keyword()),
                        Map.entry("kind", keyword()),
                        Map.entry("tenant", keyword()),
                        Map.entry("subject", keyword()),
                        Map.entry("summary", keyword()),
                        Map.entry("count", Property.of(p -> p.long_(l -> l))),
                        Map.entry("baseline", Property.of(p -> p.double_(d -> d))),
                        Map.entry("threshold", Property.of(p -> p.double_(d -> d))),
                        Map.entry("status", keyword()),
                        Map.entry("openedAt", date()),
                        Map.entry("updatedAt", date()),
                        Map.entry("acknowledgedBy", keyword()),
                        Map.entry("acknowledgedAt", date()))));
    }
}
