package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The client replaced its metadata (RFC 7592); what it omitted is removed. */
@JsonTypeName("client.metadata-updated")
public record ClientMetadataUpdatedPayload(
        String clientId,
        String tenant,
        ClientMetadataPayload metadata,
        long policyVersion,
        String softwareStatementIssuer,
        Instant updatedAt) implements EventPayload {
}
