package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import dev.registrar.events.AccessKeyUsedPayload;
import dev.registrar.events.EventEnvelope;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The use of every key (tenant, administrator, auditor): one document per operation of each
 * {@code access-key.used} event, under the event id and the operation's place in it, so the
 * key-usage report sums calls per key and operation over any range, in monthly indices.
 */
final class KeyUsageIndex {

    static final String PREFIX = "registrar-key-usage-";
    static final String PATTERN = PREFIX + "*";

    record KeyUsageDocument(String eventId, String keyId, String role, String tenant, String operation, int status, long calls,
                            Instant firstUsedAt, Instant lastUsedAt) {
    }

    private KeyUsageIndex() {
    }

    /** Adds this event's operations to the bulk request: none for events that are not a record of key use. */
    static void write(EventEnvelope event, BulkBody bulk) throws IOException {
        if (!(event.payload() instanceof AccessKeyUsedPayload used)) {
            return;
        }
        for (int i = 0; i < used.operations().size(); i++) {
            AccessKeyUsedPayload.Operation operation = used.operations().get(i);
            KeyUsageDocument document = new KeyUsageDocument(event.eventId(), used.keyId(), used.role(), event.tenant(),
                    operation.operation(), operation.status(), operation.calls(), used.firstUsedAt(), used.lastUsedAt());
            bulk.index(Mappings.monthly(PREFIX, used.lastUsedAt()), event.eventId() + ":" + i, document);
        }
    }

    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, "registrar-key-usage", PATTERN, replicas, mapping());
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.of(
                        "eventId", keyword(),
                        "keyId", keyword(),
                        "role", keyword(),
                        "tenant", keyword(),
                        "operation", keyword(),
                        "status", Property.of(p -> p.integer(i -> i)),
                        "calls", Property.of(p -> p.long_(l -> l)),
                        "firstUsedAt", date(),
                        "lastUsedAt", date())));
    }
}
