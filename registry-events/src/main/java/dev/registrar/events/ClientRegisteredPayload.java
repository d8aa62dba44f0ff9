package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A client was registered (RFC 7591). Carries the metadata that was granted, never a credential.
 *
 * @param registrationMethod      {@code dcr} (RFC 7591), later {@code admin} and {@code cimd}
 * @param policyVersion           the tenant's governance policy version that decided it (0: the default)
 * @param initialAccessTokenId    the initial access token it was registered with, if any
 * @param softwareStatementIssuer the issuer of its verified software statement, if any
 * @param clientSecretExpiresAt   when its client secret expires; null for no secret or one that does not
 * @param expiresAt               when the client expires by policy; null for never
 */
@JsonTypeName("client.registered")
public record ClientRegisteredPayload(
        String clientId,
        String tenant,
        ClientMetadataPayload metadata,
        String registrationMethod,
        long policyVersion,
        String initialAccessTokenId,
        String softwareStatementIssuer,
        Instant clientIdIssuedAt,
        Instant clientSecretExpiresAt,
        Instant expiresAt) implements EventPayload {
}
