package dev.registrar.client;

import java.time.Instant;

/** Register a client whose metadata the registration endpoint has validated and the policy has decided. */
public record RegisterClient(
        String clientId,
        String tenant,
        ClientMetadata metadata,
        RegistrationMethod registrationMethod,
        long policyVersion,
        String initialAccessTokenId,
        String softwareStatementIssuer,
        Instant requestedAt,
        Instant clientSecretExpiresAt,
        Instant expiresAt) {
}
