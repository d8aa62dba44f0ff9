package dev.registrar.readmodel;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A client's current registration as an authorization server sees it at authorize and token time.
 *
 * @param status       {@code active}, {@code revoked}, {@code expired} or {@code deleted}; only an active client may be used
 * @param statusReason why a client is no longer active
 * @param expiresAt    when the client expires by policy; null for never
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(
        String clientId,
        String tenant,
        String status,
        String clientName,
        List<String> redirectUris,
        List<String> grantTypes,
        List<String> responseTypes,
        String tokenEndpointAuthMethod,
        List<String> scopes,
        String softwareId,
        String softwareVersion,
        String registrationMethod,
        Instant registeredAt,
        String statusReason,
        Instant clientSecretExpiresAt,
        Instant expiresAt) {
}
