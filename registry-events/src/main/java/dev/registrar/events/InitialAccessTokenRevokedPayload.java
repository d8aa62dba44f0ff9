package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** An administrator revoked an initial access token. */
@JsonTypeName("initial-access-token.revoked")
public record InitialAccessTokenRevokedPayload(
        String tokenId) implements EventPayload {
}
