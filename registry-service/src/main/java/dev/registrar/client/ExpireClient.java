package dev.registrar.client;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Expire an active client, saying why; a client no longer active is left as it is. */
public record ExpireClient(@TargetAggregateIdentifier String clientId, String reason, Instant requestedAt) {
}
