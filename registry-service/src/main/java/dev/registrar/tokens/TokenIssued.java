package dev.registrar.tokens;

import java.time.Instant;
import java.util.List;

/**
 * The authorization server issued a token. Carries the client's software id and version at
 * issuance, so "which version accessed which scopes" needs no join.
 *
 * @param tokenId  the token's jti, or a hash of the token: never the token itself
 * @param audience the resource(s) the token is for (RFC 8707)
 */
public record TokenIssued(
        String tokenId,
        String tenant,
        String clientId,
        String softwareId,
        String softwareVersion,
        List<String> scopes,
        List<String> audience,
        String grantType,
        String subject,
        Instant issuedAt,
        Instant expiresAt) implements TokenEvent {
}
