package dev.registrar.tokens;

/**
 * Token facts. They belong to no aggregate: a busy client has millions, and they must never be
 * replayed to load it. Each carries its client, for ordering on the topic.
 */
public sealed interface TokenEvent permits TokenIssued, TokenRevoked, TokensRevokedForClient {

    String tenant();

    String clientId();
}
