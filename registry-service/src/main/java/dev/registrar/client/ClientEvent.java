package dev.registrar.client;

/** Everything that can happen to a client. A switch over it has no default, so a new event is handled everywhere. */
public sealed interface ClientEvent permits ClientRegistered, ClientMetadataUpdated, RegistrationAccessTokenRotated,
        ClientSecretRotated, ClientRevoked, ClientExpired, ClientDeleted {

    String clientId();

    String tenant();
}
