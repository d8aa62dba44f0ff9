package dev.registrar.lifecycle;

import dev.registrar.client.ExpireClient;
import dev.registrar.client.RevokeClient;
import dev.registrar.client.RotateClientSecret;
import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.errors.ClientNotActive;
import dev.registrar.errors.ClientNotFound;
import dev.registrar.errors.InvalidClient;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.policy.Policies;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.readmodel.ExpiryCandidate;
import dev.registrar.readmodel.RegisteredClient;
import dev.registrar.tenancy.Actor;
import dev.registrar.tokens.TokenLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's life after registration. Revoking a client revokes its live tokens and forgets its
 * credentials in the same transaction, so its secrets stop authenticating at once.
 */
@Component
public class ClientLifecycle {

    record Revocation(String clientId, boolean revokedNow, int tokensRevoked) {
    }

    private final ClientDirectory directory;
    private final ClientSecretCheckRepository secretHolders;
    private final Credentials credentials;
    private final TokenLedger tokens;
    private final Policies policies;
    private final AuthenticationThrottle throttle;
    private final CommandGateway commands;
    private final EventGateway events;
    private final LifecycleProperties properties;
    private final Clock clock;

    ClientLifecycle(ClientDirectory directory, ClientSecretCheckRepository secretHolders, Credentials credentials, TokenLedger tokens,
                    Policies policies, AuthenticationThrottle throttle, CommandGateway commands, EventGateway events,
                    LifecycleProperties properties, Clock clock) {
        this.directory = directory;
        this.secretHolders = secretHolders;
        this.credentials = credentials;
        this.tokens = tokens;
        this.policies = policies;
        this.throttle = throttle;
        this.commands = commands;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Verifies a client secret. Every failure is recorded as a security event and counted; past the
     * limit the client's attempts are refused with 429 for the rest of the window.
     */
    void authenticate(String tenant, String clientId, String presentedSecret, Actor actor) {
        throttle.checkAllowed(clientId);
        Optional<ClientSecretCheckRepository.SecretHolder> client = secretHolders.find(tenant, clientId);
        String failure;
        if (client.isEmpty()) {
            failure = "unknown-client";
        } else if (!client.get().active()) {
            failure = "client-not-active";
        } else if (!client.get().usesClientSecret()) {
            failure = "no-client-secret";
        } else if (presentedSecret == null || client.get().clientSecret() == null
                || !credentials.matches(client.get().clientSecret(), presentedSecret)) {
            failure = "wrong-or-expired-secret";
        } else {
            return;
        }
        throttle.failed(clientId);
        events.publish(GenericEventMessage.asEventMessage(
                new ClientAuthenticationFailed(tenant, clientId, failure, actor.remoteAddress(), clock.instant())).andMetaData(actor.toMetaData()));
        throw new InvalidClient();
    }

    @Transactional
    RotatedSecret rotateSecret(String tenant, String clientId, String reason, Actor actor) {
        RegisteredClient client = active(tenant, clientId);
        if (!client.metadata().usesClientSecret()) {
            throw new InvalidRequest("this client does not authenticate with a client secret");
        }
        Instant now = clock.instant();
        Duration lifetime = policies.current(tenant).ruleFor(client.metadata().softwareId()).secretLifetime();
        Instant expiresAt = lifetime == null ? null : now.plus(lifetime);
        Instant previousValidUntil = now.plus(properties.secretGrace());
        commands.sendAndWait(new RotateClientSecret(clientId, reason, expiresAt, previousValidUntil, now), actor.toMetaData());
        return new RotatedSecret(credentials.rotate(clientId, CredentialKind.CLIENT_SECRET, expiresAt, previousValidUntil), previousValidUntil);
    }

    /**
     * Rotation by policy: a client secret close to its expiry is replaced when the client next reads
     * its registration, the one place a new secret can reach it; the old one keeps its grace period.
     * "Close" is {@code rotate-before}, or half the secret's lifetime where that is shorter, so a
     * fresh secret is never due at once.
     */
    @Transactional
    public Optional<RotatedSecret> rotateSecretIfDue(RegisteredClient client, Actor actor) {
        Instant expiresAt = client.clientSecretExpiresAt();
        if (!client.metadata().usesClientSecret() || expiresAt == null) {
            return Optional.empty();
        }
        Duration lifetime = policies.current(client.tenant()).ruleFor(client.metadata().softwareId()).secretLifetime();
        Duration window = lifetime == null ? properties.rotateBefore() : min(properties.rotateBefore(), lifetime.dividedBy(2));
        boolean due = expiresAt.isBefore(clock.instant().plus(window));
        return due ? Optional.of(rotateSecret(client.tenant(), client.clientId(), "policy", actor)) : Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Transactional
    Revocation revoke(String tenant, String clientId, String reason, Actor actor) {
        directory.registration(tenant, clientId).orElseThrow(ClientNotFound::new);
        return revokeKnown(tenant, clientId, reason, actor);
    }

    /** The compromised-release case: every active client of the software at the versions given, in one transaction. */
    @Transactional
    List<Revocation> revokeRelease(String tenant, String softwareId, VersionRange versions, String reason, Actor actor) {
        return directory.activeClientsOf(tenant, softwareId).stream()
                .filter(client -> versions.contains(client.softwareVersion()))
                .map(client -> revokeKnown(tenant, client.clientId(), reason, actor))
                .toList();
    }

    List<ExpiryCandidate> expiryCandidates() {
        Instant now = clock.instant();
        return directory.expiryCandidates(now, now.minus(properties.staleAfter()));
    }

    /** Expires each candidate in a transaction of its own; answers how many expired. */
    int expire(Actor actor) {
        int expired = 0;
        for (ExpiryCandidate candidate : expiryCandidates()) {
            boolean done = commands.sendAndWait(new ExpireClient(candidate.clientId(), candidate.reason(), clock.instant()),
                    actor.forTenant(candidate.tenant()).toMetaData());
            expired += done ? 1 : 0;
        }
        return expired;
    }

    private Revocation revokeKnown(String tenant, String clientId, String reason, Actor actor) {
        boolean revokedNow = commands.sendAndWait(new RevokeClient(clientId, reason, clock.instant()), actor.toMetaData());
        if (!revokedNow) {
            return new Revocation(clientId, false, 0);
        }
        credentials.forget(clientId);
        return new Revocation(clientId, true, tokens.revokeAllOf(tenant, clientId, "client revoked: " + reason, actor));
    }

    private RegisteredClient active(String tenant, String clientId) {
        RegisteredClient client = directory.registration(tenant, clientId).orElseThrow(ClientNotFound::new);
        if (!"active".equals(client.status())) {
            throw new ClientNotActive(client.status());
        }
        return client;
    }
}
