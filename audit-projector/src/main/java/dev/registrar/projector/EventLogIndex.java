package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;
import static dev.registrar.projector.Mappings.keywordNotSearched;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import dev.registrar.events.EventEnvelope;
import java.io.IOException;
import java.util.Map;

/**
 * The event log: every event, as its envelope, in monthly indices ({@code registrar-events-2026.11}).
 * Owns the name pattern, the strict mapping and the template. The payload is kept in the source
 * but not indexed: queries go through the envelope's fields. A document's id is its event id, so the
 * {@code eventId} field is only counted (doc values), never searched; sequence and schema version are
 * only sorted and read.
 */
final class EventLogIndex {

    static final String PREFIX = "registrar-events-";
    static final String PATTERN = PREFIX + "*";

    private EventLogIndex() {
    }

    static String indexFor(EventEnvelope envelope) {
        return Mappings.monthly(PREFIX, envelope.occurredAt());
    }

    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, "registrar-events", PATTERN, replicas, mapping());
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.of(
                        "eventId", keywordNotSearched(),
                        "type", keyword(),
                        "schemaVersion", Property.of(p -> p.integer(i -> i.index(false))),
                        "tenant", keyword(),
                        "aggregateType", keyword(),
                        "aggregateId", keyword(),
                        "aggregateSequence", Property.of(p -> p.long_(l -> l.index(false))),
                        "occurredAt", date(),
                        "actor", Property.of(p -> p.object(o -> o.properties(Map.of(
                                "kind", keyword(),
                                "id", keyword(),
                                "remoteAddress", keyword())))),
                        "payload", Property.of(p -> p.object(o -> o.enabled(false))))));
    }
}
