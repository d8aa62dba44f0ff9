package dev.registrar.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.client.ClientMetadata;
import java.time.Instant;
import java.util.List;

/**
 * The client information response (RFC 7591 section 3.2.1, RFC 7592 section 3): the registered
 * metadata as granted, the client's credentials where they were just issued, and where to manage it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ClientInformationResponse(
        String clientId,
        String clientSecret,
        Long clientIdIssuedAt,
        Long clientSecretExpiresAt,
        String registrationAccessToken,
        String registrationClientUri,
        List<String> redirectUris,
        String tokenEndpointAuthMethod,
        List<String> grantTypes,
        List<String> responseTypes,
        String applicationType,
        String clientName,
        String clientUri,
        String logoUri,
        String tosUri,
        String policyUri,
        List<String> contacts,
        String scope,
        String jwksUri,
        @JsonRawValue String jwks,
        String softwareId,
        String softwareVersion) {

    /**
     * @param clientSecret          the secret, where one was just issued; null otherwise
     * @param clientSecretExpiresAt when a confidential client's secret expires; null for never (sent as 0)
     * @param registrationAccessToken the RAT, where one was just issued; null otherwise
     */
    public static ClientInformationResponse of(String clientId, Instant issuedAt, ClientMetadata metadata, String clientSecret,
                                               Instant clientSecretExpiresAt, String registrationAccessToken,
                                               String registrationClientUri) {
        Long secretExpiry = metadata.usesClientSecret()
                ? Long.valueOf(clientSecretExpiresAt == null ? 0 : clientSecretExpiresAt.getEpochSecond())
                : null;
        return new ClientInformationResponse(clientId, clientSecret, issuedAt.getEpochSecond(), secretExpiry,
                registrationAccessToken, registrationClientUri, metadata.redirectUris(), metadata.tokenEndpointAuthMethod(),
                metadata.grantTypes(), metadata.responseTypes(), metadata.applicationType(), metadata.clientName(),
                metadata.clientUri(), metadata.logoUri(), metadata.tosUri(), metadata.policyUri(), metadata.contacts(),
                metadata.scopes().isEmpty() ? null : String.join(" ", metadata.scopes()), metadata.jwksUri(), metadata.jwks(),
                metadata.softwareId(), metadata.softwareVersion());
    }

    @Override
    public String toString() {
        return "ClientInformationResponse[clientId=" + clientId + ", credentials hidden]";
    }
}
