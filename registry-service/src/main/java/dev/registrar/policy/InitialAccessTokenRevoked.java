package dev.registrar.policy;

import java.time.Instant;

public record InitialAccessTokenRevoked(String tokenId, String tenant, Instant revokedAt) implements InitialAccessTokenEvent {
}
