package dev.registrar.policy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeInitialAccessToken(@TargetAggregateIdentifier String tokenId, String tenant, Instant requestedAt) {
}
