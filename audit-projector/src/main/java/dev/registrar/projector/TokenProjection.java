package dev.registrar.projector;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.TokenIssuedPayload;
import dev.registrar.events.TokenRevokedPayload;
import java.util.List;
import java.util.Map;

/**
 * The token index's share of a bulk request. An issuance writes the token's document; a
 * revocation sets its revokedAt, creating a stub where the issuance is not indexed yet, so the
 * order in which they arrive never fails a batch.
 */
final class TokenProjection {

    private TokenProjection() {
    }

    /** The operations for this event: none for events that are not token facts. */
    static List<BulkOperation> operations(EventEnvelope event) {
        if (event.payload() instanceof TokenIssuedPayload issued) {
            return List.of(BulkOperation.of(op -> op.index(index -> index
                    .index(TokenIndex.indexFor(issued.issuedAt()))
                    .id(issued.tokenId())
                    .document(new TokenIndex.TokenDocument(issued.tokenId(), event.tenant(), issued.clientId(), issued.softwareId(),
                            issued.softwareVersion(), issued.scopes(), issued.audience(), issued.grantType(), issued.subject(),
                            issued.issuedAt(), issued.expiresAt(), null)))));
        }
        if (event.payload() instanceof TokenRevokedPayload revoked) {
            Map<String, Object> revocation = Map.of("revokedAt", event.occurredAt());
            Map<String, Object> stub = Map.of("tokenId", revoked.tokenId(), "tenant", event.tenant(), "clientId", revoked.clientId(),
                    "issuedAt", revoked.issuedAt(), "revokedAt", event.occurredAt());
            return List.of(BulkOperation.of(op -> op.update(update -> update
                    .index(TokenIndex.indexFor(revoked.issuedAt()))
                    .id(revoked.tokenId())
                    .action(action -> action.doc(revocation).upsert(stub)))));
        }
        return List.of();
    }
}
