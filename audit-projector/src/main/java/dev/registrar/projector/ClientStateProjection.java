package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import dev.registrar.events.ClientDeletedPayload;
import dev.registrar.events.ClientExpiredPayload;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientMetadataUpdatedPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.ClientRevokedPayload;
import dev.registrar.events.EventEnvelope;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients index's share of a bulk request. A batch's events for one client are folded, in
 * order, into that client's current document (read from the index; events it already holds are
 * skipped), which is written once, versioned by the last event's sequence.
 */
final class ClientStateProjection {

    /** A client's document while the batch is folded into it, and the sequence of the last event applied. */
    private static final class State {
        final Map<String, Object> document;
        long sequence;

        State(Map<String, Object> document, long sequence) {
            this.document = document;
            this.sequence = sequence;
        }
    }

    private ClientStateProjection() {
    }

    /** Adds to the bulk request one operation per client the batch has events of. */
    static void write(List<EventEnvelope> batch, ElasticsearchClient elasticsearch, BulkBody bulk) throws IOException {
        List<EventEnvelope> clientEvents = batch.stream().filter(event -> "client".equals(event.aggregateType())).toList();
        if (clientEvents.isEmpty()) {
            return;
        }
        Map<String, State> states = current(clientEvents, elasticsearch);
        for (EventEnvelope event : clientEvents) {
            State state = states.computeIfAbsent(event.aggregateId(), id -> new State(new HashMap<>(Map.of("clientId", id)), -1));
            if (event.aggregateSequence() > state.sequence) {
                apply(event, state.document);
                state.sequence = event.aggregateSequence();
            }
        }
        for (Map.Entry<String, State> client : states.entrySet()) {
            State state = client.getValue();
            state.document.put("sequence", state.sequence);
            bulk.indexVersioned(ClientIndex.NAME, client.getKey(), state.sequence + 1, state.document);
        }
    }

    /**
     * The stored document of every client in the batch, to fold its events onto: a registration in
     * the batch may be a redelivery of one the index already has, and newer state must not be lost.
     */
    private static Map<String, State> current(List<EventEnvelope> clientEvents, ElasticsearchClient elasticsearch) throws IOException {
        Map<String, State> states = new LinkedHashMap<>();
        List<String> clientIds = clientEvents.stream().map(EventEnvelope::aggregateId).distinct().toList();
        @SuppressWarnings("unchecked")
        MgetResponse<Map<String, Object>> stored = elasticsearch.mget(m -> m.index(ClientIndex.NAME).ids(clientIds),
                (Class<Map<String, Object>>) (Class<?>) Map.class);
        for (MultiGetResponseItem<Map<String, Object>> item : stored.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                Map<String, Object> document = new HashMap<>(item.result().source());
                long sequence = ((Number) document.getOrDefault("sequence", -1)).longValue();
                states.put(item.result().id(), new State(document, sequence));
            }
        }
        return states;
    }

    private static void apply(EventEnvelope event, Map<String, Object> document) {
        document.put("tenant", event.tenant());
        document.put("updatedAt", event.occurredAt());
        if (event.payload() instanceof ClientRegisteredPayload registered) {
            metadata(registered.metadata(), document);
            document.put("status", "active");
            document.put("registrationMethod", registered.registrationMethod());
            document.put("policyVersion", registered.policyVersion());
            document.put("registeredAt", registered.clientIdIssuedAt());
        } else if (event.payload() instanceof ClientMetadataUpdatedPayload updated) {
            metadata(updated.metadata(), document);
            document.put("policyVersion", updated.policyVersion());
        } else if (event.payload() instanceof ClientRevokedPayload revoked) {
            status(document, "revoked", revoked.reason());
        } else if (event.payload() instanceof ClientExpiredPayload expired) {
            status(document, "expired", expired.reason());
        } else if (event.payload() instanceof ClientDeletedPayload) {
            status(document, "deleted", "deleted by the client");
        }
    }

    private static void metadata(ClientMetadataPayload metadata, Map<String, Object> document) {
        putOrRemove(document, "clientName", metadata.clientName());
        putOrRemove(document, "softwareId", metadata.softwareId());
        putOrRemove(document, "softwareVersion", metadata.softwareVersion());
        document.put("tokenEndpointAuthMethod", metadata.tokenEndpointAuthMethod());
        document.put("scopes", metadata.scopes());
        document.put("redirectUris", metadata.redirectUris());
    }

    private static void status(Map<String, Object> document, String status, String reason) {
        document.put("status", status);
        document.put("statusReason", reason);
    }

    private static void putOrRemove(Map<String, Object> document, String field, Object value) {
        if (value == null) {
            document.remove(field);
        } else {
            document.put(field, value);
        }
    }
}
