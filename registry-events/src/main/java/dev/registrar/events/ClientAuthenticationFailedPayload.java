package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** A client failed to authenticate: a security event. Reason: unknown-client, client-not-active, no-client-secret, wrong-or-expired-secret. */
@JsonTypeName("client.authentication-failed")
public record ClientAuthenticationFailedPayload(
        String clientId,
        String reason,
        String remoteAddress) implements EventPayload {
}
