package dev.registrar.client;

import java.time.Instant;

/** The client was revoked: it may no longer authenticate, and its live tokens are revoked with it. */
public record ClientRevoked(String clientId, String tenant, String reason, Instant revokedAt) implements ClientEvent {
}
