package dev.registrar.tenancy;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Applies the configured tenants once the service is up; unchanged settings record nothing. */
@Component
class TenantBootstrap {

    private final TenancyProperties properties;
    private final CommandGateway commands;
    private final Clock clock;

    TenantBootstrap(TenancyProperties properties, CommandGateway commands, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.clock = clock;
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    void applyConfiguredTenants() {
        for (TenancyProperties.Tenant tenant : properties.tenants()) {
            commands.sendAndWait(new ConfigureTenant(tenant.id(), tenant.toSettings(), "config", clock.instant()),
                    Actor.configuration(tenant.id()).toMetaData());
        }
    }
}
