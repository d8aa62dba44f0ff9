package dev.registrar.tokens;

import java.time.Instant;
import java.util.List;

/** A token as the authorization server reports it, after its shape was checked. */
public record IssuedToken(
        String tokenId,
        String clientId,
        List<String> scopes,
        List<String> audience,
        String grantType,
        String subject,
        Instant issuedAt,
        Instant expiresAt) {
}
