package dev.registrar.client;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace an active confidential client's secret, keeping the previous one valid for a grace period. */
public record RotateClientSecret(@TargetAggregateIdentifier String clientId, String reason, Instant secretExpiresAt,
                                 Instant previousValidUntil, Instant requestedAt) {
}
