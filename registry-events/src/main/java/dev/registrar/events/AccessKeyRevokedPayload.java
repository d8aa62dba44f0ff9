package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** An access key stopped working, for good. */
@JsonTypeName("access-key.revoked")
public record AccessKeyRevokedPayload(String keyId, String reason, Instant revokedAt) implements EventPayload {
}
