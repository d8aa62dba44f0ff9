package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The client expired (reason: lifetime or stale). */
@JsonTypeName("client.expired")
public record ClientExpiredPayload(
        String clientId,
        String reason) implements EventPayload {
}
