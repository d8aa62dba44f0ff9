package dev.registrar.tenancy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a tenant or replace its settings; the settings already in force change nothing. */
public record ConfigureTenant(String tenantId, TenantSettings settings, String source, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Tenant.idOf(tenantId);
    }
}
