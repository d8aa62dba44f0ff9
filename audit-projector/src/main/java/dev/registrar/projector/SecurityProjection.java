package dev.registrar.projector;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.registrar.events.ClientAuthenticationFailedPayload;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.RegistrationRejectedPayload;
import java.util.List;

/** The security index's share of a bulk request: one document per security event, under its event id. */
final class SecurityProjection {

    private SecurityProjection() {
    }

    /** The operations for this event: none for events that are not security events. */
    static List<BulkOperation> operations(EventEnvelope event) {
        if (event.payload() instanceof RegistrationRejectedPayload rejected) {
            return index(event, new SecurityIndex.SecurityDocument(event.eventId(), "registration-rejected", event.tenant(),
                    rejected.errorCode(), rejected.reason(), rejected.softwareId(), rejected.softwareVersion(), null,
                    rejected.remoteAddress(), event.occurredAt()));
        }
        if (event.payload() instanceof ClientAuthenticationFailedPayload failed) {
            return index(event, new SecurityIndex.SecurityDocument(event.eventId(), "authentication-failed", event.tenant(),
                    failed.reason(), null, null, null, failed.clientId(), failed.remoteAddress(), event.occurredAt()));
        }
        return List.of();
    }

    private static List<BulkOperation> index(EventEnvelope event, SecurityIndex.SecurityDocument document) {
        return List.of(BulkOperation.of(op -> op.index(index -> index
                .index(SecurityIndex.indexFor(event.occurredAt()))
                .id(event.eventId())
                .document(document))));
    }
}
