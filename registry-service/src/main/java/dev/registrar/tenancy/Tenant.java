package dev.registrar.tenancy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One tenant's registration settings, versioned: every change is an event. */
@Aggregate
class Tenant {

    @AggregateIdentifier
    private String aggregateId;
    private long version;
    private TenantSettings settings;

    Tenant() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ConfigureTenant command) {
        if (command.settings().equals(settings)) {
            return version;
        }
        apply(new TenantConfigured(command.tenantId(), command.settings(), version + 1, command.source(), command.requestedAt()));
        return version;
    }

    @CommandHandler
    void handle(RotateTenantApiKey command) {
        apply(new TenantApiKeyRotated(command.tenantId(), command.previousValidUntil(), command.requestedAt()));
    }

    @CommandHandler
    void handle(RevokeTenantApiKey command) {
        apply(new TenantApiKeyRevoked(command.tenantId(), command.reason(), command.requestedAt()));
    }

    /** Aggregate ids share one namespace in the event store; a tenant id might look like a client's. */
    static String idOf(String tenantId) {
        return "tenant:" + tenantId;
    }

    @EventSourcingHandler
    void on(TenantConfigured event) {
        aggregateId = idOf(event.tenantId());
        version = event.version();
        settings = event.settings();
    }
}
