package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Every live token of a client was revoked with it. */
@JsonTypeName("token.revoked-for-client")
public record TokensRevokedForClientPayload(
        String clientId,
        int count,
        String reason) implements EventPayload {
}
