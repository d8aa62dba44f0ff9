package dev.registrar.publishing;

import dev.registrar.access.AccessKeyEvent;
import dev.registrar.access.AccessKeyIssued;
import dev.registrar.access.AccessKeyRevoked;
import dev.registrar.access.AccessKeyRotated;
import dev.registrar.access.AccessKeyUsed;
import dev.registrar.client.ClientDeleted;
import dev.registrar.client.ClientExpired;
import dev.registrar.client.ClientRevoked;
import dev.registrar.client.ClientSecretRotated;
import dev.registrar.client.ClientEvent;
import dev.registrar.client.ClientMetadata;
import dev.registrar.client.ClientMetadataUpdated;
import dev.registrar.client.ClientRegistered;
import dev.registrar.client.RegistrationAccessTokenRotated;
import dev.registrar.events.AccessKeyIssuedPayload;
import dev.registrar.events.AccessKeyRevokedPayload;
import dev.registrar.events.AccessKeyRotatedPayload;
import dev.registrar.events.AccessKeyUsedPayload;
import dev.registrar.events.Actor;
import dev.registrar.events.ClientAuthenticationFailedPayload;
import dev.registrar.events.ClientDeletedPayload;
import dev.registrar.events.ClientExpiredPayload;
import dev.registrar.events.ClientRevokedPayload;
import dev.registrar.events.ClientSecretRotatedPayload;
import dev.registrar.events.TokenIssuedPayload;
import dev.registrar.events.TokenRevokedPayload;
import dev.registrar.events.TokensRevokedForClientPayload;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientMetadataUpdatedPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.EventPayload;
import dev.registrar.events.InitialAccessTokenIssuedPayload;
import dev.registrar.events.InitialAccessTokenRevokedPayload;
import dev.registrar.events.InitialAccessTokenUsedPayload;
import dev.registrar.events.PolicyRulePayload;
import dev.registrar.events.PolicySetPayload;
import dev.registrar.events.RegistrationAccessTokenRotatedPayload;
import dev.registrar.events.RegistrationRejectedPayload;
import dev.registrar.events.TenantApiKeyRevokedPayload;
import dev.registrar.events.TenantApiKeyRotatedPayload;
import dev.registrar.events.TenantConfiguredPayload;
import dev.registrar.lifecycle.ClientAuthenticationFailed;
import dev.registrar.policy.InitialAccessTokenEvent;
import dev.registrar.policy.InitialAccessTokenIssued;
import dev.registrar.policy.InitialAccessTokenRevoked;
import dev.registrar.policy.InitialAccessTokenUsed;
import dev.registrar.policy.PolicyEvent;
import dev.registrar.policy.PolicyRule;
import dev.registrar.policy.PolicySet;
import dev.registrar.registration.RegistrationRejected;
import dev.registrar.tenancy.TenantApiKeyRevoked;
import dev.registrar.tenancy.TenantApiKeyRotated;
import dev.registrar.tenancy.TenantConfigured;
import dev.registrar.tenancy.TenantEvent;
import dev.registrar.tenancy.TenantSettings;
import dev.registrar.tokens.TokenEvent;
import dev.registrar.tokens.TokenIssued;
import dev.registrar.tokens.TokenRevoked;
import dev.registrar.tokens.TokensRevokedForClient;
import java.time.Duration;
import java.util.Locale;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * The one translation from our events to the published language. Each switch is exhaustive: a
 * new event does not compile until it has a wire form.
 */
final class EnvelopeMapper {

    private EnvelopeMapper() {
    }

    static EventEnvelope client(DomainEventMessage<? extends ClientEvent> message) {
        return envelope(message, "client", message.getAggregateIdentifier(), message.getSequenceNumber(), clientPayload(message.getPayload()));
    }

    static EventEnvelope policy(DomainEventMessage<? extends PolicyEvent> message) {
        return envelope(message, "policy", message.getAggregateIdentifier(), message.getSequenceNumber(), policyPayload(message.getPayload()));
    }

    static EventEnvelope initialAccessToken(DomainEventMessage<? extends InitialAccessTokenEvent> message) {
        return envelope(message, "initial-access-token", message.getAggregateIdentifier(), message.getSequenceNumber(),
                tokenPayload(message.getPayload()));
    }

    static EventEnvelope tenant(DomainEventMessage<? extends TenantEvent> message) {
        return envelope(message, "tenant", message.getAggregateIdentifier(), message.getSequenceNumber(), tenantPayload(message.getPayload()));
    }

    /** Token facts belong to no aggregate: each is a stream of one, keyed on the topic by its client. */
    static EventEnvelope token(EventMessage<? extends TokenEvent> message) {
        return switch (message.getPayload()) {
            case TokenIssued issued -> envelope(message, "token", issued.tokenId(), 0, new TokenIssuedPayload(issued.tokenId(),
                    issued.clientId(), issued.softwareId(), issued.softwareVersion(), issued.scopes(), issued.audience(),
                    issued.grantType(), issued.subject(), issued.issuedAt(), issued.expiresAt()));
            case TokenRevoked revoked -> envelope(message, "token", revoked.tokenId(), 0,
                    new TokenRevokedPayload(revoked.tokenId(), revoked.clientId(), revoked.issuedAt()));
            case TokensRevokedForClient revoked -> envelope(message, "token", revoked.clientId(), 0,
                    new TokensRevokedForClientPayload(revoked.clientId(), revoked.count(), revoked.reason()));
        };
    }

    static EventEnvelope authenticationFailure(EventMessage<? extends ClientAuthenticationFailed> message) {
        ClientAuthenticationFailed failed = message.getPayload();
        return envelope(message, "authentication-failure", message.getIdentifier(), 0,
                new ClientAuthenticationFailedPayload(failed.clientId(), failed.reason(), failed.remoteAddress()));
    }

    /** Filed under the key's id, not its aggregate's, so a key's history and its use are one stream. */
    static EventEnvelope accessKey(DomainEventMessage<? extends AccessKeyEvent> message) {
        EventPayload payload = switch (message.getPayload()) {
            case AccessKeyIssued issued -> new AccessKeyIssuedPayload(issued.keyId(), issued.role().wireName(), issued.tenant(),
                    issued.label(), issued.issuedAt());
            case AccessKeyRotated rotated -> new AccessKeyRotatedPayload(rotated.keyId(), rotated.previousValidUntil(), rotated.rotatedAt());
            case AccessKeyRevoked revoked -> new AccessKeyRevokedPayload(revoked.keyId(), revoked.reason(), revoked.revokedAt());
        };
        return envelope(message, "access-key", message.getPayload().keyId(), message.getSequenceNumber(), payload);
    }

    static EventEnvelope accessKeyUse(EventMessage<? extends AccessKeyUsed> message) {
        AccessKeyUsed used = message.getPayload();
        return envelope(message, "access-key", used.keyId(), 0, new AccessKeyUsedPayload(used.keyId(), used.role(), used.firstUsedAt(),
                used.lastUsedAt(), used.calls(), used.operations().stream()
                .map(operation -> new AccessKeyUsedPayload.Operation(operation.operation(), operation.status(), operation.calls()))
                .toList()));
    }

    /** A refused registration belongs to no aggregate: it is its own stream of one. */
    static EventEnvelope rejection(EventMessage<? extends RegistrationRejected> message) {
        RegistrationRejected rejected = message.getPayload();
        return envelope(message, "registration-rejection", message.getIdentifier(), 0, new RegistrationRejectedPayload(
                rejected.errorCode(), rejected.reason(), rejected.softwareId(), rejected.softwareVersion(), rejected.clientName(),
                rejected.redirectUris(), rejected.remoteAddress()));
    }

    private static EventPayload clientPayload(ClientEvent event) {
        return switch (event) {
            case ClientRegistered registered -> new ClientRegisteredPayload(registered.clientId(), registered.tenant(),
                    metadata(registered.metadata()), registered.registrationMethod().wireName(), registered.policyVersion(),
                    registered.initialAccessTokenId(), registered.softwareStatementIssuer(), registered.registeredAt(),
                    registered.clientSecretExpiresAt(), registered.expiresAt());
            case ClientMetadataUpdated updated -> new ClientMetadataUpdatedPayload(updated.clientId(), updated.tenant(),
                    metadata(updated.metadata()), updated.policyVersion(), updated.softwareStatementIssuer(), updated.updatedAt());
            case RegistrationAccessTokenRotated rotated -> new RegistrationAccessTokenRotatedPayload(rotated.clientId(), rotated.rotatedAt());
            case ClientDeleted deleted -> new ClientDeletedPayload(deleted.clientId(), deleted.deletedAt());
            case ClientSecretRotated rotated -> new ClientSecretRotatedPayload(rotated.clientId(), rotated.reason(),
                    rotated.secretExpiresAt(), rotated.previousValidUntil());
            case ClientRevoked revoked -> new ClientRevokedPayload(revoked.clientId(), revoked.reason());
            case ClientExpired expired -> new ClientExpiredPayload(expired.clientId(), expired.reason());
        };
    }

    private static EventPayload policyPayload(PolicyEvent event) {
        return switch (event) {
            case PolicySet set -> new PolicySetPayload(set.tenant(), set.version(),
                    set.rules().stream().map(EnvelopeMapper::rule).toList(), set.source());
        };
    }

    private static EventPayload tokenPayload(InitialAccessTokenEvent event) {
        return switch (event) {
            case InitialAccessTokenIssued issued -> new InitialAccessTokenIssuedPayload(issued.tokenId(), issued.expiresAt(),
                    issued.maxUses(), issued.allowedSoftwareIds(), issued.allowedScopes());
            case InitialAccessTokenUsed used -> new InitialAccessTokenUsedPayload(used.tokenId(), used.clientId(), used.uses());
            case InitialAccessTokenRevoked revoked -> new InitialAccessTokenRevokedPayload(revoked.tokenId());
        };
    }

    private static EventPayload tenantPayload(TenantEvent event) {
        return switch (event) {
            case TenantConfigured configured -> {
                TenantSettings settings = configured.settings();
                yield new TenantConfiguredPayload(configured.tenantId(), configured.version(), settings.publicBaseUrl(),
                        settings.registration().name().toLowerCase(Locale.ROOT), settings.privateUseSchemes(),
                        settings.softwareStatementIssuers().stream().map(TenantSettings.TrustedIssuer::issuer).toList(),
                        configured.source());
            }
            case TenantApiKeyRotated rotated -> new TenantApiKeyRotatedPayload(rotated.tenantId(), rotated.previousValidUntil(),
                    rotated.rotatedAt());
            case TenantApiKeyRevoked revoked -> new TenantApiKeyRevokedPayload(revoked.tenantId(), revoked.reason(), revoked.revokedAt());
        };
    }

    private static ClientMetadataPayload metadata(ClientMetadata metadata) {
        return new ClientMetadataPayload(metadata.clientName(), metadata.redirectUris(), metadata.grantTypes(),
                metadata.responseTypes(), metadata.tokenEndpointAuthMethod(), metadata.applicationType(), metadata.scopes(),
                metadata.softwareId(), metadata.softwareVersion(), metadata.clientUri(), metadata.logoUri(), metadata.tosUri(),
                metadata.policyUri(), metadata.contacts(), metadata.jwksUri());
    }

    private static PolicyRulePayload rule(PolicyRule rule) {
        return new PolicyRulePayload(rule.softwareIdPattern(), rule.allowedScopes(), rule.redirectUriPrefixes(),
                rule.requireSoftwareStatement(), rule.maxActiveClients(), seconds(rule.clientLifetime()), seconds(rule.secretLifetime()));
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static EventEnvelope envelope(EventMessage<?> message, String aggregateType, String aggregateId, long sequence,
                                          EventPayload payload) {
        MetaData metaData = message.getMetaData();
        return new EventEnvelope(message.getIdentifier(), payload.wireType(), payload.schemaVersion(),
                string(metaData, "tenant", null), aggregateType, aggregateId, sequence, message.getTimestamp(), actor(metaData), payload);
    }

    private static Actor actor(MetaData metaData) {
        return new Actor(string(metaData, "actorKind", "system"), string(metaData, "actorId", ""), string(metaData, "remoteAddress", null));
    }

    private static String string(MetaData metaData, String key, String fallback) {
        Object value = metaData.get(key);
        return value == null ? fallback : value.toString();
    }
}
