package dev.registrar.policy;

/** What can happen to an initial access token. None carries the token itself. */
public sealed interface InitialAccessTokenEvent
        permits InitialAccessTokenIssued, InitialAccessTokenUsed, InitialAccessTokenRevoked {

    String tokenId();

    String tenant();
}
