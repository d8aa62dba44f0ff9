package dev.registrar.access;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a new administrator or auditor key; {@code tenant} scopes an auditor key to one tenant. */
public record IssueAccessKey(String keyId, AccessRole role, String tenant, String label, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessKey.idOf(keyId);
    }
}
