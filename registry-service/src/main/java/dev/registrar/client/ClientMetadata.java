package dev.registrar.client;

import java.util.List;

/**
 * The metadata a client is registered with (RFC 7591 section 2), as granted: after validation,
 * software statement claims and policy. Holds public material only: {@code jwks} is the client's
 * public key set, as JSON.
 */
public record ClientMetadata(
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
        List<String> scopes,
        String jwksUri,
        String jwks,
        String softwareId,
        String softwareVersion) {

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        responseTypes = List.copyOf(responseTypes);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Confidential clients authenticate with a client secret; {@code none} and {@code private_key_jwt} do not hold one. */
    public boolean usesClientSecret() {
        return usesClientSecret(tokenEndpointAuthMethod);
    }

    public static boolean usesClientSecret(String tokenEndpointAuthMethod) {
        return tokenEndpointAuthMethod.startsWith("client_secret_");
    }
}
