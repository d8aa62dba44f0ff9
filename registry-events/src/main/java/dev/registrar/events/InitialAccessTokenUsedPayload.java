package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** A registration spent one use of an initial access token. */
@JsonTypeName("initial-access-token.used")
public record InitialAccessTokenUsedPayload(
        String tokenId,
        String clientId,
        int uses) implements EventPayload {
}
