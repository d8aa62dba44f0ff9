package dev.registrar.policy;

import java.time.Instant;
import java.util.List;

public record IssueInitialAccessToken(
        String tokenId,
        String tenant,
        Instant expiresAt,
        int maxUses,
        List<String> allowedSoftwareIds,
        List<String> allowedScopes,
        Instant issuedAt) {
}
