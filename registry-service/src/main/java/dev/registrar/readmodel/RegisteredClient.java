package dev.registrar.readmodel;

import dev.registrar.client.ClientMetadata;
import java.time.Instant;

/** A client's registration as RFC 7592 reads it back. */
public record RegisteredClient(
        String clientId,
        String tenant,
        String status,
        ClientMetadata metadata,
        Instant registeredAt,
        Instant clientSecretExpiresAt) {
}
