package dev.registrar.tenancy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the tenant's stored API key; the one it had keeps working until {@code previousValidUntil}. */
public record RotateTenantApiKey(String tenantId, Instant previousValidUntil, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Tenant.idOf(tenantId);
    }
}
