package dev.registrar.client;

import java.time.Instant;

/**
 * The client expired.
 *
 * @param reason {@code lifetime} (past its policy lifetime) or {@code stale} (no token for the configured time, none live)
 */
public record ClientExpired(String clientId, String tenant, String reason, Instant expiredAt) implements ClientEvent {
}
