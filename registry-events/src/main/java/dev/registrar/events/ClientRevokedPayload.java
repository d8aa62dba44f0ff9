package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The client was revoked; its live tokens are revoked with it (token.revoked-for-client). */
@JsonTypeName("client.revoked")
public record ClientRevokedPayload(
        String clientId,
        String reason) implements EventPayload {
}
