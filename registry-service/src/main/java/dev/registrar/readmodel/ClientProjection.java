package dev.registrar.readmodel;

import dev.registrar.client.ClientDeleted;
import dev.registrar.client.ClientEvent;
import dev.registrar.client.ClientMetadataUpdated;
import dev.registrar.client.ClientExpired;
import dev.registrar.client.ClientRegistered;
import dev.registrar.client.ClientRevoked;
import dev.registrar.client.ClientSecretRotated;
import dev.registrar.client.ClientStatus;
import dev.registrar.client.RegistrationAccessTokenRotated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the client read model. Runs in a subscribing processor, inside the command's transaction:
 * the row is there as soon as the request is answered (read-after-write), and a failure here rolls
 * the change back.
 */
@Component
@ProcessingGroup("client-read-model")
class ClientProjection {

    private final ClientRegistrationRepository repository;

    ClientProjection(ClientRegistrationRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ClientEvent event, @SequenceNumber long sequence) {
        switch (event) {
            case ClientRegistered registered -> repository.insert(registered, sequence);
            case ClientMetadataUpdated updated -> repository.update(updated, sequence);
            case ClientDeleted deleted -> repository.markStatus(deleted.clientId(), ClientStatus.DELETED, "deleted by the client",
                    deleted.deletedAt(), sequence);
            case RegistrationAccessTokenRotated rotated -> repository.advance(rotated.clientId(), sequence);
            case ClientSecretRotated rotated -> repository.secretRotated(rotated, sequence);
            case ClientRevoked revoked -> repository.markStatus(revoked.clientId(), ClientStatus.REVOKED, revoked.reason(),
                    revoked.revokedAt(), sequence);
            case ClientExpired expired -> repository.markStatus(expired.clientId(), ClientStatus.EXPIRED, expired.reason(),
                    expired.expiredAt(), sequence);
        }
    }
}
