package dev.registrar.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps the tenants' settings, in the transaction of the change, so the next request sees them. */
@Component
@ProcessingGroup("tenant-read-model")
class TenantProjection {

    private final TenantRepository repository;

    TenantProjection(TenantRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(TenantConfigured event) throws JsonProcessingException {
        repository.save(event);
    }
}
