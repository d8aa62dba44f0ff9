package dev.registrar.tokens;

import java.time.Instant;

/**
 * Every live token of a client was revoked with it (the client was revoked or deleted).
 *
 * @param count how many live tokens that was
 */
public record TokensRevokedForClient(String tenant, String clientId, int count, String reason, Instant revokedAt) implements TokenEvent {
}
