package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The client secret was replaced (reason: on-demand or policy); the previous one works until previousValidUntil. */
@JsonTypeName("client.secret-rotated")
public record ClientSecretRotatedPayload(
        String clientId,
        String reason,
        Instant secretExpiresAt,
        Instant previousValidUntil) implements EventPayload {
}
