package dev.registrar.tokens;

import java.time.Instant;

/** The authorization server revoked one token, issued at {@code issuedAt}. */
public record TokenRevoked(String tokenId, String tenant, String clientId, Instant issuedAt, Instant revokedAt) implements TokenEvent {
}
