package dev.registrar.tenancy;

import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.IssuedSecret;
import dev.registrar.errors.Conflict;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes tenants; a new tenant's API key is issued in the same transaction as its event. */
@Component
class TenantAdministration {

    record Created(TenantSettings settings, IssuedSecret apiKey) {
    }

    private final Tenants tenants;
    private final Credentials credentials;
    private final CommandGateway commands;
    private final Clock clock;

    TenantAdministration(Tenants tenants, Credentials credentials, CommandGateway commands, Clock clock) {
        this.tenants = tenants;
        this.credentials = credentials;
        this.commands = commands;
        this.clock = clock;
    }

    @Transactional
    Created create(TenantSettings settings) {
        if (tenants.exists(settings.id())) {
            throw new Conflict("a tenant with this id exists");
        }
        commands.sendAndWait(new ConfigureTenant(settings.id(), settings, "admin", clock.instant()),
                Actor.administrator(settings.id()).toMetaData());
        return new Created(settings, credentials.issue(settings.id(), CredentialKind.TENANT_API_KEY, null));
    }

    TenantSettings replace(TenantSettings settings) {
        commands.sendAndWait(new ConfigureTenant(settings.id(), settings, "admin", clock.instant()),
                Actor.administrator(settings.id()).toMetaData());
        return tenants.require(settings.id());
    }
}
