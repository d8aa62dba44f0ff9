package dev.registrar.access;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the key with a new one; the one it had keeps working until {@code previousValidUntil}. */
public record RotateAccessKey(String keyId, Instant previousValidUntil, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccessKey.idOf(keyId);
    }
}
