package dev.registrar.client;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deregister a client (RFC 7592 section 2.3). */
public record DeleteClient(@TargetAggregateIdentifier String clientId, Instant requestedAt) {
}
