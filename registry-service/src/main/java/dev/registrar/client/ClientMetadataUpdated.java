package dev.registrar.client;

import java.time.Instant;

/** The client replaced its metadata (RFC 7592 section 2.2: what it omitted is removed). */
public record ClientMetadataUpdated(
        String clientId,
        String tenant,
        ClientMetadata metadata,
        long policyVersion,
        String softwareStatementIssuer,
        Instant updatedAt) implements ClientEvent {
}
