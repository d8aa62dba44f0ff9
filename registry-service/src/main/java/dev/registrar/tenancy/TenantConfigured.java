package dev.registrar.tenancy;

import java.time.Instant;

/**
 * A tenant was created or its settings changed.
 *
 * @param version 1 when created, then one more per change
 * @param source  {@code config} (the service's configuration at start) or {@code admin}
 */
public record TenantConfigured(String tenantId, TenantSettings settings, long version, String source, Instant configuredAt)
        implements TenantEvent {
}
