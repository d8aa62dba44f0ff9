package dev.registrar.policy;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spend one use of the token on a registration; answers with the scopes the token allows (null: any). */
public record UseInitialAccessToken(
        @TargetAggregateIdentifier String tokenId,
        String tenant,
        String clientId,
        String softwareId,
        Instant requestedAt) {
}
