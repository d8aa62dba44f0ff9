package dev.registrar.tenancy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop the tenant's stored API keys, current and previous, at once. */
public record RevokeTenantApiKey(String tenantId, String reason, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Tenant.idOf(tenantId);
    }
}
