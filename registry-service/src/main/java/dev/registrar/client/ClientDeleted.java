package dev.registrar.client;

import java.time.Instant;

/** The client deregistered itself (RFC 7592 section 2.3); its credentials are gone. */
public record ClientDeleted(String clientId, String tenant, Instant deletedAt) implements ClientEvent {
}
