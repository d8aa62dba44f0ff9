package dev.registrar.tenancy;

import java.time.Instant;

/** The tenant's stored API keys stopped working. */
public record TenantApiKeyRevoked(String tenantId, String reason, Instant revokedAt) implements TenantEvent {
}
