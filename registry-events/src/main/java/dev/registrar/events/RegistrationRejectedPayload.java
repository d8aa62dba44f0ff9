package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** A registration was refused: a security event. What was asked is bounded; no token is ever included. */
@JsonTypeName("registration.rejected")
public record RegistrationRejectedPayload(
        String errorCode,
        String reason,
        String softwareId,
        String softwareVersion,
        String clientName,
        List<String> redirectUris,
        String remoteAddress) implements EventPayload {
}
