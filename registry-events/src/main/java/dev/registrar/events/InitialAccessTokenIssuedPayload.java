package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;

/** An administrator issued an initial access token; the token itself is not here. */
@JsonTypeName("initial-access-token.issued")
public record InitialAccessTokenIssuedPayload(
        String tokenId,
        Instant expiresAt,
        int maxUses,
        List<String> allowedSoftwareIds,
        List<String> allowedScopes) implements EventPayload {
}
