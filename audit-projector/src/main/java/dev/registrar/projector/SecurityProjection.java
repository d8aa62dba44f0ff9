package dev.registrar.projector;

import dev.registrar.events.ClientAuthenticationFailedPayload;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.RegistrationRejectedPayload;
import java.io.IOException;

/** The security index's share of a bulk request: one document per security event, under its event id. */
final class SecurityProjection {

    private SecurityProjection() {
    }

    /** Adds this event's operation to the bulk request: none for events that are not security events. */
    static void write(EventEnvelope event, BulkBody bulk) throws IOException {
        if (event.payload() instanceof RegistrationRejectedPayload rejected) {
            index(event, bulk, new SecurityIndex.SecurityDocument(event.eventId(), "registration-rejected", event.tenant(),
                    rejected.errorCode(), rejected.reason(), rejected.softwareId(), rejected.softwareVersion(), null,
                    rejected.remoteAddress(), event.occurredAt()));
        } else if (event.payload() instanceof ClientAuthenticationFailedPayload failed) {
            index(event, bulk, new SecurityIndex.SecurityDocument(event.eventId(), "authentication-failed", event.tenant(),
                    failed.reason(), null, null, null, failed.clientId(), failed.remoteAddress(), event.occurredAt()));
        }
    }

    private static void index(EventEnvelope event, BulkBody bulk, SecurityIndex.SecurityDocument document) throws IOException {
        bulk.index(SecurityIndex.indexFor(event.occurredAt()), event.eventId(), document);
    }
}
