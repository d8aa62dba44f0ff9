package dev.registrar.events;

import java.util.List;

/** A client's registered metadata on the wire: public material only (no jwks body, no credential). */
public record ClientMetadataPayload(
        String clientName,
        List<String> redirectUris,
        List<String> grantTypes,
        List<String> responseTypes,
        String tokenEndpointAuthMethod,
        String applicationType,
        List<String> scopes,
        String softwareId,
        String softwareVersion,
        String clientUri,
        String logoUri,
        String tosUri,
        String policyUri,
        List<String> contacts,
        String jwksUri) {
}
