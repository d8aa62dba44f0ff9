package dev.registrar.access;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop the key, current and previous value, at once and for good. */
public record RevokeAccessKey(String keyId, String reason, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessKey.idOf(keyId);
    }
}
