package dev.registrar.policy;

import java.time.Instant;
import java.util.List;

/**
 * @param allowedSoftwareIds globs a registering software_id must match; empty allows any
 * @param allowedScopes      registrations with this token are down-scoped to these; null allows any
 */
public record InitialAccessTokenIssued(
        String tokenId,
        String tenant,
        Instant expiresAt,
        int maxUses,
        List<String> allowedSoftwareIds,
        List<String> allowedScopes,
        Instant issuedAt) implements InitialAccessTokenEvent {
}
