package dev.registrar.policy;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a tenant's policy rules; setting the rules already in force changes nothing. */
public record SetPolicy(String tenant, List<PolicyRule> rules, String source, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String policyId() {
        return TenantPolicy.idOf(tenant);
    }
}
