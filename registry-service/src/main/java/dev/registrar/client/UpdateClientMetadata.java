package dev.registrar.client;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a client's metadata (RFC 7592 section 2.2), which also rotates its registration access token. */
public record UpdateClientMetadata(
        @TargetAggregateIdentifier String clientId,
        ClientMetadata metadata,
        long policyVersion,
        String softwareStatementIssuer,
        Instant requestedAt) {
}
