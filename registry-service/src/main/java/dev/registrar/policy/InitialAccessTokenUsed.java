package dev.registrar.policy;

import java.time.Instant;

/** A registration used the token; {@code uses} counts this one. */
public record InitialAccessTokenUsed(String tokenId, String tenant, String clientId, int uses, Instant usedAt)
        implements InitialAccessTokenEvent {
}
