package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The client deregistered itself (RFC 7592); its credentials are gone. */
@JsonTypeName("client.deleted")
public record ClientDeletedPayload(
        String clientId,
        Instant deletedAt) implements EventPayload {
}
