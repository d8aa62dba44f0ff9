package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Alerts of the anomaly detector, one document per alert id, updated while the anomaly lasts (a
 * sustained spike is one alert, not a thousand), in monthly indices by when it opened. The projector
 * owns the template like every other; the alert listener writes the documents.
 */
public final class AlertIndex {

    static final String PREFIX = "registrar-alerts-";
    public static final String PATTERN = PREFIX + "*";

    private AlertIndex() {
    }

    public static String indexFor(Instant openedAt) {
        return Mappings.monthly(PREFIX, openedAt);
    }

    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, "registrar-alerts", PATTERN, replicas, mapping());
    }

    static TypeMapping mapping() {
        Property number = Property.of(p -> p.long_(l -> l));
        Property decimal = Property.of(p -> p.double_(d -> d));
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.ofEntries(
                        Map.entry("alertId", keyword()),
                        Map.entry("kind", keyword()),
                        Map.entry("signal", keyword()),
                        Map.entry("tenant", keyword()),
                        Map.entry("subject", keyword()),
                        Map.entry("summary", Property.of(p -> p.text(t -> t))),
                        Map.entry("count", number),
                        Map.entry("baseline", decimal),
                        Map.entry("threshold", decimal),
                        Map.entry("windowStart", date()),
                        Map.entry("windowEnd", date()),
                        Map.entry("scopes", keyword()),
                        Map.entry("openedAt", date()),
                        Map.entry("updatedAt", date()),
                        Map.entry("revision", number),
                        Map.entry("notifiedAt", date()),
                        Map.entry("deliveries", Property.of(p -> p.object(o -> o.properties(Map.of(
                                "webhook", keyword(),
                                "outcome", keyword(),
                                "attempts", number,
                                "detail", keyword(),
                                "at", date()))))),
                        Map.entry("acknowledgedBy", keyword()),
                        Map.entry("acknowledgedAt", date()),
                        Map.entry("acknowledgementNote", Property.of(p -> p.text(t -> t))))));
    }
}
