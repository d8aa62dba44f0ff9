package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The client's registration access token was replaced; the token itself never leaves the response. */
@JsonTypeName("client.registration-access-token-rotated")
public record RegistrationAccessTokenRotatedPayload(
        String clientId,
        Instant rotatedAt) implements EventPayload {
}
