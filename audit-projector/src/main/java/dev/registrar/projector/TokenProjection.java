package dev.registrar.projector;

import dev.registrar.events.EventEnvelope;
import dev.registrar.events.TokenIssuedPayload;
import dev.registrar.events.TokenRevokedPayload;
import java.io.IOException;
import java.util.Map;

/**
 * The token index's share of a bulk request. An issuance writes the token's document; a
 * revocation sets its revokedAt, creating a stub where the issuance is not indexed yet, so the
 * order in which they arrive never fails a batch.
 */
final class TokenProjection {

    private TokenProjection() {
    }

    /** Adds this event's operation to the bulk request: none for events that are not token facts. */
    static void write(EventEnvelope event, BulkBody bulk) throws IOException {
        if (event.payload() instanceof TokenIssuedPayload issued) {
            bulk.index(TokenIndex.indexFor(issued.issuedAt()), issued.tokenId(), new TokenIndex.TokenDocument(issued.tokenId(),
                    event.tenant(), issued.clientId(), issued.softwareId(), issued.softwareVersion(), issued.scopes(), issued.audience(),
                    issued.grantType(), issued.subject(), issued.issuedAt(), issued.expiresAt(), null));
        } else if (event.payload() instanceof TokenRevokedPayload revoked) {
            Map<String, Object> revocation = Map.of("revokedAt", event.occurredAt());
            Map<String, Object> stub = Map.of("tokenId", revoked.tokenId(), "tenant", event.tenant(), "clientId", revoked.clientId(),
                    "issuedAt", revoked.issuedAt(), "revokedAt", event.occurredAt());
            bulk.update(TokenIndex.indexFor(revoked.issuedAt()), revoked.tokenId(), revocation, stub);
        }
    }
}
