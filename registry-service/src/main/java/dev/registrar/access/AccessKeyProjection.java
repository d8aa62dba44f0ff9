package dev.registrar.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps the access keys, in the transaction of the change, so a revoked key fails on the next request. */
@Component
@ProcessingGroup("access-key-read-model")
class AccessKeyProjection {

    private final AccessKeyRepository repository;

    AccessKeyProjection(AccessKeyRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(AccessKeyIssued event) {
        repository.issued(event);
    }

    @EventHandler
    void on(AccessKeyRotated event) {
        repository.rotated(event);
    }

    @EventHandler
    void on(AccessKeyRevoked event) {
        repository.revoked(event);
    }

    @EventHandler
    void on(AccessKeyUsed event) {
        repository.used(event.keyId(), event.lastUsedAt());
    }
}
