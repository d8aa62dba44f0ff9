package dev.registrar.client;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.registrar.errors.ClientGone;
import dev.registrar.errors.ClientNotActive;
import dev.registrar.errors.InvalidRequest;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One registered client. Holds only what its own decisions need; token facts never enter it, so a
 * client with a million tokens loads as fast as a new one.
 */
@Aggregate
class Client {

    @AggregateIdentifier
    private String clientId;
    private String tenant;
    private ClientStatus status;
    private boolean usesClientSecret;

    Client() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    Client(RegisterClient command) {
        apply(new ClientRegistered(command.clientId(), command.tenant(), command.metadata(), command.registrationMethod(),
                command.policyVersion(), command.initialAccessTokenId(), command.softwareStatementIssuer(),
                command.requestedAt(), command.clientSecretExpiresAt(), command.expiresAt()));
    }

    @CommandHandler
    void handle(UpdateClientMetadata command) {
        requireActive();
        apply(new ClientMetadataUpdated(clientId, tenant, command.metadata(), command.policyVersion(),
                command.softwareStatementIssuer(), command.requestedAt()));
        // RFC 7592 section 2.2: the registration access token changes with every update.
        apply(new RegistrationAccessTokenRotated(clientId, tenant, command.requestedAt()));
    }

    @CommandHandler
    void handle(RotateClientSecret command) {
        requireActive();
        if (!usesClientSecret) {
            throw new InvalidRequest("this client does not authenticate with a client secret");
        }
        apply(new ClientSecretRotated(clientId, tenant, command.reason(), command.secretExpiresAt(), command.previousValidUntil(),
                command.requestedAt()));
    }

    /** Answers whether the client was active until now, so the caller knows whether to revoke its tokens. */
    @CommandHandler
    boolean handle(RevokeClient command) {
        if (status == ClientStatus.DELETED) {
            throw new ClientGone();
        }
        if (status == ClientStatus.REVOKED) {
            return false;
        }
        apply(new ClientRevoked(clientId, tenant, command.reason(), command.requestedAt()));
        return true;
    }

    @CommandHandler
    boolean handle(ExpireClient command) {
        if (status != ClientStatus.ACTIVE) {
            return false;
        }
        apply(new ClientExpired(clientId, tenant, command.reason(), command.requestedAt()));
        return true;
    }

    @CommandHandler
    void handle(DeleteClient command) {
        if (status == ClientStatus.DELETED) {
            throw new ClientGone();
        }
        apply(new ClientDeleted(clientId, tenant, command.requestedAt()));
    }

    private void requireActive() {
        switch (status) {
            case ACTIVE -> {
            }
            case DELETED -> throw new ClientGone();
            case REVOKED, EXPIRED -> throw new ClientNotActive(status.wireName());
        }
    }

    @EventSourcingHandler
    void on(ClientRegistered event) {
        clientId = event.clientId();
        tenant = event.tenant();
        status = ClientStatus.ACTIVE;
        usesClientSecret = event.metadata().usesClientSecret();
    }

    @EventSourcingHandler
    void on(ClientMetadataUpdated event) {
        usesClientSecret = event.metadata().usesClientSecret();
    }

    @EventSourcingHandler
    void on(ClientRevoked event) {
        status = ClientStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(ClientExpired event) {
        status = ClientStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ClientDeleted event) {
        status = ClientStatus.DELETED;
    }
}
