package dev.registrar.client;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke a client; revoking a revoked client changes nothing. */
public record RevokeClient(@TargetAggregateIdentifier String clientId, String reason, Instant requestedAt) {
}
