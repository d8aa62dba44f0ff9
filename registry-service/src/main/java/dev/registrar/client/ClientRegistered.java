package dev.registrar.client;

import java.time.Instant;

/**
 * A client was registered. Holds no credential: those live only in the credentials table.
 *
 * @param policyVersion          the version of the tenant's governance policy that decided the registration
 * @param initialAccessTokenId   the initial access token it was registered with, if any
 * @param softwareStatementIssuer the issuer of the verified software statement, if one was presented
 * @param clientSecretExpiresAt  when the client secret expires; null for clients without one or a secret that does not
 * @param expiresAt              when the client itself expires by policy; null for never
 */
public record ClientRegistered(
        String clientId,
        String tenant,
        ClientMetadata metadata,
        RegistrationMethod registrationMethod,
        long policyVersion,
        String initialAccessTokenId,
        String softwareStatementIssuer,
        Instant registeredAt,
        Instant clientSecretExpiresAt,
        Instant expiresAt) implements ClientEvent {
}
