package dev.registrar.access;

import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.IssuedSecret;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.errors.NotFound;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import dev.registrar.tenancy.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrator and auditor keys issued at run time. A key's value is 256 random bits, shown once,
 * stored only as a keyed hash, in the transaction of the event that issued or rotated it.
 */
@Component
public class AccessKeys {

    record Issued(AccessKeyView key, IssuedSecret value) {
    }

    private final AccessKeyRepository repository;
    private final Credentials credentials;
    private final CommandGateway commands;
    private final Tenants tenants;
    private final Clock clock;

    AccessKeys(AccessKeyRepository repository, Credentials credentials, CommandGateway commands, Tenants tenants,
               Clock clock) {
        this.repository = repository;
        this.credentials = credentials;
        this.commands = commands;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    Issued issue(AccessRole role, String tenant, String label, Caller.Administrator administrator) {
        if (tenant != null) {
            tenants.require(tenant);
        }
        String keyId = UUID.randomUUID().toString();
        commands.sendAndWait(new IssueAccessKey(keyId, role, tenant, label, clock.instant()), actor(tenant, administrator));
        IssuedSecret value = credentials.issue(keyId, CredentialKind.ACCESS_KEY, null);
        return new Issued(require(keyId), value);
    }

    /** A new value for the key; the one it had keeps working for the grace period, so its holder can switch over. */
    @Transactional
    RotatedSecret rotate(String keyId, Duration grace, Caller.Administrator administrator) {
        AccessKeyView key = require(keyId);
        Instant now = clock.instant();
        Instant previousValidUntil = now.plus(grace);
        commands.sendAndWait(new RotateAccessKey(keyId, previousValidUntil, now), actor(key.tenant(), administrator));
        return new RotatedSecret(credentials.rotate(keyId, CredentialKind.ACCESS_KEY, null, previousValidUntil), previousValidUntil);
    }

    /** The key, current and previous value, stops working at once. */
    @Transactional
    void revoke(String keyId, String reason, Caller.Administrator administrator) {
        AccessKeyView key = require(keyId);
        commands.sendAndWait(new RevokeAccessKey(keyId, reason, clock.instant()), actor(key.tenant(), administrator));
        credentials.forget(keyId, CredentialKind.ACCESS_KEY);
    }

    /** The caller an issued key stands for, if it is one and not revoked. */
    public Optional<Caller> authenticate(String presented) {
        return credentials.ownerOf(CredentialKind.ACCESS_KEY, presented)
                .flatMap(repository::find)
                .filter(AccessKeyView::active)
                .map(key -> AccessRole.ADMIN.wireName().equals(key.role())
                        ? new Caller.Administrator(key.keyId())
                        : new Caller.Auditor(key.keyId(), key.tenant()));
    }

    List<AccessKeyView> all() {
        return repository.all();
    }

    AccessKeyView require(String keyId) {
        return repository.find(keyId).orElseThrow(() -> new NotFound("no access key with this id"));
    }

    /** Filed under the key's tenant, if it has one, so that tenant's auditors see what was done to it. */
    private static MetaData actor(String tenant, Caller.Administrator administrator) {
        return Actor.administrator(tenant, administrator).toMetaData();
    }
}
