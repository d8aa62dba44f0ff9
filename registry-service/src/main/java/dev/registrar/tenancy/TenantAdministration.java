package dev.registrar.tenancy;

import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.IssuedSecret;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.errors.Conflict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    Created create(TenantSettings settings, Caller.Administrator administrator) {
        if (tenants.exists(settings.id())) {
            throw new Conflict("a tenant with this id exists");
        }
        commands.sendAndWait(new ConfigureTenant(settings.id(), settings, "admin", clock.instant()),
                Actor.administrator(settings.id(), administrator).toMetaData());
        return new Created(settings, credentials.issue(settings.id(), CredentialKind.TENANT_API_KEY, null));
    }

    /**
     * A new stored key for the tenant, recorded as an event in the same transaction; the stored key
     * it had keeps working for the grace period, so its authorization server can switch over.
     */
    @Transactional
    RotatedSecret rotateApiKey(String tenant, Duration grace, Caller.Administrator administrator) {
        Instant now = clock.instant();
        Instant previousValidUntil = now.plus(grace);
        commands.sendAndWait(new RotateTenantApiKey(tenant, previousValidUntil, now),
                Actor.administrator(tenant, administrator).toMetaData());
        IssuedSecret key = credentials.hasAny(tenant, CredentialKind.TENANT_API_KEY)
                ? credentials.rotate(tenant, CredentialKind.TENANT_API_KEY, null, previousValidUntil)
                : credentials.issue(tenant, CredentialKind.TENANT_API_KEY, null);
        return new RotatedSecret(key, previousValidUntil);
    }

    /** The tenant's stored keys stop working at once (keys in the configuration are not stored and stay). */
    @Transactional
    void revokeApiKey(String tenant, String reason, Caller.Administrator administrator) {
        commands.sendAndWait(new RevokeTenantApiKey(tenant, reason, clock.instant()),
                Actor.administrator(tenant, administrator).toMetaData());
        credentials.forget(tenant, CredentialKind.TENANT_API_KEY);
    }

    TenantSettings replace(TenantSettings settings, Caller.Administrator administrator) {
        commands.sendAndWait(new ConfigureTenant(settings.id(), settings, "admin", clock.instant()),
                Actor.administrator(settings.id(), administrator).toMetaData());
        return tenants.require(settings.id());
    }
}
