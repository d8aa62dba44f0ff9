package dev.registrar.policy;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.registrar.tenancy.Actor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Applies the configured policies once the service is up; unchanged rules record nothing. */
@Component
class PolicyBootstrap {

    private final PolicyProperties properties;
    private final CommandGateway commands;
    private final Clock clock;

    PolicyBootstrap(PolicyProperties properties, CommandGateway commands, Clock clock) {
        this.properties = properties;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyConfiguredPolicies() {
        properties.tenants().forEach((tenant, rules) -> commands.sendAndWait(
                new SetPolicy(tenant, rules.stream().map(PolicyProperties.Rule::toRule).toList(), "config", clock.instant()),
                Actor.configuration(tenant).toMetaData()));
    }
}
