package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A tenant's API key was replaced by a new one (never carried); the one it had keeps working until
 * {@code previousValidUntil}.
 */
@JsonTypeName("tenant.api-key-rotated")
public record TenantApiKeyRotatedPayload(String tenantId, Instant previousValidUntil, Instant rotatedAt) implements EventPayload {
}
