package dev.registrar.readmodel;

import dev.registrar.client.ClientMetadata;

/** What a client authenticating at the token endpoint must be: active, and holding a secret. */
public record ClientStanding(String clientId, String status, String tokenEndpointAuthMethod) {

    public boolean active() {
        return "active".equals(status);
    }

    public boolean usesClientSecret() {
        return ClientMetadata.usesClientSecret(tokenEndpointAuthMethod);
    }
}
