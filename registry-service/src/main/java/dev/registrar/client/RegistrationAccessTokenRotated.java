package dev.registrar.client;

import java.time.Instant;

/** The client's registration access token was replaced; the new one went to the client alone. */
public record RegistrationAccessTokenRotated(String clientId, String tenant, Instant rotatedAt) implements ClientEvent {
}
