package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** An access key was replaced by a new one (never carried); the one it had works until {@code previousValidUntil}. */
@JsonTypeName("access-key.rotated")
public record AccessKeyRotatedPayload(String keyId, Instant previousValidUntil, Instant rotatedAt) implements EventPayload {
}
