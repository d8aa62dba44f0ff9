package dev.registrar.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The client metadata of an RFC 7591 registration request (section 2) or an RFC 7592 update
 * (section 2.2), as the client sent it (after software statement claims were laid over it).
 * Members we do not know are ignored and never echoed (RFC 7591 section 3.1).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClientMetadataRequest(
        String clientId,
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
        JsonNode jwks,
        String softwareId,
        String softwareVersion,
        String clientSecret,
        String registrationAccessToken,
        String registrationClientUri,
        Long clientSecretExpiresAt,
        Long clientIdIssuedAt) {
}
