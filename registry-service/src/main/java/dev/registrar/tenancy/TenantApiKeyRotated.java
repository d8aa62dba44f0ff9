package dev.registrar.tenancy;

import java.time.Instant;

/** The tenant's API key was replaced; the new one is never part of the event. */
public record TenantApiKeyRotated(String tenantId, Instant previousValidUntil, Instant rotatedAt) implements TenantEvent {
}
