package dev.registrar.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.client.ClientMetadata;
import dev.registrar.client.DeleteClient;
import dev.registrar.client.UpdateClientMetadata;
import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.IssuedSecret;
import dev.registrar.errors.InvalidClientMetadata;
import dev.registrar.errors.InvalidToken;
import dev.registrar.throttling.Throttle;
import dev.registrar.throttling.ThrottlingProperties;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.readmodel.RegisteredClient;
import dev.registrar.registration.ClientRegistrations;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.TenantSettings;
import dev.registrar.tokens.TokenLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads, replaces and deletes registrations for clients holding their registration access token.
 * A token only ever opens its own client: a token presented at another client's URI is refused
 * and the owner of that URI is left untouched.
 */
@Component
class ClientManagement {

    /** Members RFC 7592 section 2.2 says an update must not carry. */
    private static final List<String> SERVER_ASSIGNED = List.of(
            "registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at");

    /** An update just recorded: the new registration access token (and a new secret, where one was needed) are shown once. */
    record Updated(RegisteredClient before, ClientMetadata metadata, IssuedSecret newSecret, Instant secretExpiresAt,
                   IssuedSecret registrationAccessToken) {
    }

    private final ClientDirectory directory;
    private final Credentials credentials;
    private final ClientRegistrations registrations;
    private final TokenLedger tokens;
    private final CommandGateway commands;
    private final Clock clock;
    private final Throttle invalidTokens;

    ClientManagement(ClientDirectory directory, Credentials credentials, ClientRegistrations registrations, TokenLedger tokens,
                     CommandGateway commands, Clock clock, ThrottlingProperties throttling) {
        this.directory = directory;
        this.credentials = credentials;
        this.registrations = registrations;
        this.tokens = tokens;
        this.commands = commands;
        this.clock = clock;
        this.invalidTokens = new Throttle("too many invalid registration access tokens for this client",
                throttling.registrationAccessTokenFailuresPerClient(), throttling.maxTrackedKeys());
    }

    /**
     * RFC 7592 section 3: an unknown, deleted or other tenant's client, or a wrong token, all get the same 401.
     * Repeated wrong tokens for one client are refused with 429 before any is checked.
     */
    RegisteredClient authenticate(String tenant, String clientId, String registrationAccessToken) {
        String throttleKey = tenant + " " + clientId;
        invalidTokens.checkAllowed(throttleKey);
        if (registrationAccessToken == null || !credentials.verify(clientId, CredentialKind.REGISTRATION_ACCESS_TOKEN, registrationAccessToken)) {
            invalidTokens.record(throttleKey);
            throw new InvalidToken("the registration access token is not valid for this client");
        }
        return directory.registration(tenant, clientId)
                .filter(client -> "active".equals(client.status()))
                .orElseThrow(() -> new InvalidToken("the registration access token is not valid for this client"));
    }

    @Transactional
    Updated update(TenantSettings tenant, RegisteredClient current, ObjectNode document, Actor actor) {
        JsonNode clientId = document.get("client_id");
        if (clientId == null || !clientId.isTextual() || !clientId.asText().equals(current.clientId())) {
            throw InvalidClientMetadata.metadata("client_id must be present and be this client's id (RFC 7592 section 2.2)");
        }
        for (String member : SERVER_ASSIGNED) {
            if (document.has(member)) {
                throw InvalidClientMetadata.metadata(member + " must not be sent in an update (RFC 7592 section 2.2)");
            }
        }
        JsonNode secret = document.get("client_secret");
        if (secret != null && !(secret.isTextual() && credentials.verify(current.clientId(), CredentialKind.CLIENT_SECRET, secret.asText()))) {
            throw InvalidClientMetadata.metadata("client_secret does not match the client's current secret");
        }
        document.remove(List.of("client_id", "client_secret"));
        ClientRegistrations.Decision decision = registrations.decide(tenant, document);
        ClientMetadata granted = decision.metadata();
        Instant now = clock.instant();
        commands.sendAndWait(new UpdateClientMetadata(current.clientId(), granted, decision.policyVersion(),
                decision.statementIssuer(), now), actor.toMetaData());

        IssuedSecret newSecret = null;
        Instant secretExpiresAt = current.clientSecretExpiresAt();
        boolean hadSecret = current.metadata().usesClientSecret();
        if (granted.usesClientSecret() && !hadSecret) {
            secretExpiresAt = decision.rule().secretLifetime() == null ? null : now.plus(decision.rule().secretLifetime());
            newSecret = credentials.issue(current.clientId(), CredentialKind.CLIENT_SECRET, secretExpiresAt);
        } else if (!granted.usesClientSecret() && hadSecret) {
            credentials.forget(current.clientId(), CredentialKind.CLIENT_SECRET);
            secretExpiresAt = null;
        }
        IssuedSecret rat = credentials.issue(current.clientId(), CredentialKind.REGISTRATION_ACCESS_TOKEN, null);
        return new Updated(current, granted, newSecret, secretExpiresAt, rat);
    }

    /** The client's credentials go, and its live tokens are revoked with it. */
    @Transactional
    void delete(RegisteredClient current, Actor actor) {
        commands.sendAndWait(new DeleteClient(current.clientId(), clock.instant()), actor.toMetaData());
        credentials.forget(current.clientId());
        tokens.revokeAllOf(current.tenant(), current.clientId(), "client deleted", actor);
    }
}
