package dev.registrar.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.registrar.errors.InvalidClientMetadata;
import dev.registrar.errors.InvalidToken;
import dev.registrar.errors.NotFound;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An initial access token (RFC 7591 section 3): lets a limited number of registrations through
 * until it expires or is revoked, within its constraints.
 */
@Aggregate
class InitialAccessToken {

    @AggregateIdentifier
    private String tokenId;
    private String tenant;
    private Instant expiresAt;
    private int maxUses;
    private int uses;
    private List<String> allowedSoftwareIds;
    private List<String> allowedScopes;
    private boolean revoked;

    InitialAccessToken() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    InitialAccessToken(IssueInitialAccessToken command) {
        apply(new InitialAccessTokenIssued(command.tokenId(), command.tenant(), command.expiresAt(), command.maxUses(),
                List.copyOf(command.allowedSoftwareIds()), command.allowedScopes() == null ? null : List.copyOf(command.allowedScopes()),
                command.issuedAt()));
    }

    @CommandHandler
    List<String> handle(UseInitialAccessToken command) {
        if (revoked || !tenant.equals(command.tenant()) || !command.requestedAt().isBefore(expiresAt) || uses >= maxUses) {
            // One answer for every reason, as RFC 6750 section 3.1 describes: the token is not good for this request.
            throw new InvalidToken("the initial access token is invalid, expired, used up or revoked");
        }
        if (!allowedSoftwareIds.isEmpty() && allowedSoftwareIds.stream()
                .noneMatch(pattern -> command.softwareId() != null && PolicyRule.glob(pattern).matcher(command.softwareId()).matches())) {
            throw InvalidClientMetadata.metadata("this initial access token does not allow registering this software_id");
        }
        apply(new InitialAccessTokenUsed(tokenId, tenant, command.clientId(), uses + 1, command.requestedAt()));
        return allowedScopes;
    }

    @CommandHandler
    void handle(RevokeInitialAccessToken command) {
        if (!tenant.equals(command.tenant())) {
            throw new NotFound("no initial access token with this id");
        }
        if (!revoked) {
            apply(new InitialAccessTokenRevoked(tokenId, tenant, command.requestedAt()));
        }
    }

    @EventSourcingHandler
    void on(InitialAccessTokenIssued event) {
        tokenId = event.tokenId();
        tenant = event.tenant();
        expiresAt = event.expiresAt();
        maxUses = event.maxUses();
        allowedSoftwareIds = event.allowedSoftwareIds();
        allowedScopes = event.allowedScopes();
    }

    @EventSourcingHandler
    void on(InitialAccessTokenUsed event) {
        uses = event.uses();
    }

    @EventSourcingHandler
    void on(InitialAccessTokenRevoked event) {
        revoked = true;
    }
}
