package dev.registrar.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.client.ClientMetadata;
import dev.registrar.client.RegisterClient;
import dev.registrar.client.RegistrationMethod;
import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.IssuedSecret;
import dev.registrar.errors.InvalidClientMetadata;
import dev.registrar.errors.InvalidToken;
import dev.registrar.policy.GovernancePolicy;
import dev.registrar.policy.InitialAccessTokens;
import dev.registrar.policy.Policies;
import dev.registrar.policy.PolicyRule;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.system.TimeOrderedIds;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.TenancyProperties;
import dev.registrar.tenancy.TenantSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Decides and records one RFC 7591 registration: the metadata is validated, a software statement
 * verified, the tenant's policy applied; then an initial access token is spent, and the
 * ClientRegistered event and the hashes of the new credentials are committed in one transaction,
 * shared with the registrations that arrive with it ({@link GroupCommit}).
 */
@Component
public class ClientRegistrations {

    /** A decided request: metadata as granted and what decided it. */
    public record Decision(ClientMetadata metadata, PolicyRule rule, long policyVersion, String statementIssuer) {
    }

    /** A registration just recorded; the credentials in it are shown once. */
    record Registered(String clientId, Instant issuedAt, ClientMetadata metadata, IssuedSecret clientSecret,
                      IssuedSecret registrationAccessToken) {
    }

    private final RegistrationDocument documents;
    private final ClientMetadataValidator validator;
    private final SoftwareStatements statements;
    private final Policies policies;
    private final InitialAccessTokens initialAccessTokens;
    private final ClientDirectory directory;
    private final Credentials credentials;
    private final CommandGateway commands;
    private final Clock clock;
    private final GroupCommit groupCommit;
    /** Client ids are public, but not to be guessed from the ones before them. */
    private final SecureRandom clientIdBits = new SecureRandom();

    ClientRegistrations(RegistrationDocument documents, ClientMetadataValidator validator, SoftwareStatements statements,
                        Policies policies, InitialAccessTokens initialAccessTokens, ClientDirectory directory,
                        Credentials credentials, CommandGateway commands, Clock clock, GroupCommit groupCommit) {
        this.documents = documents;
        this.validator = validator;
        this.statements = statements;
        this.policies = policies;
        this.initialAccessTokens = initialAccessTokens;
        this.directory = directory;
        this.credentials = credentials;
        this.commands = commands;
        this.clock = clock;
        this.groupCommit = groupCommit;
    }

    Registered register(TenantSettings tenant, ObjectNode document, String initialAccessToken, Actor actor) {
        if (initialAccessToken == null && tenant.registration() == TenancyProperties.RegistrationMode.INITIAL_ACCESS_TOKEN) {
            throw new InvalidToken("registering here needs an initial access token as a Bearer token");
        }
        Decision decision = decide(tenant, document);
        return groupCommit.inTransaction(() -> record(tenant, decision, initialAccessToken, actor));
    }

    /** The registration's writes; run again if another registration of its batch fails. */
    private Registered record(TenantSettings tenant, Decision decision, String initialAccessToken, Actor actor) {
        ClientMetadata granted = decision.metadata();
        Instant now = clock.instant();
        // client_id_issued_at is whole seconds (RFC 7591 section 3.2.1); expiry decisions use the exact time.
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        String clientId = TimeOrderedIds.at(now.toEpochMilli(), clientIdBits).toString();
        String tokenId = null;
        if (initialAccessToken != null) {
            InitialAccessTokens.Spent spent = initialAccessTokens.spend(tenant.id(), initialAccessToken, clientId,
                    granted.softwareId(), now, actor);
            tokenId = spent.tokenId();
            granted = GrantDecision.grant(granted, decision.rule(), decision.statementIssuer() != null, spent.allowedScopes());
        }
        PolicyRule rule = decision.rule();
        if (rule.maxActiveClients() > 0 && directory.countActive(tenant.id(), granted.softwareId()) >= rule.maxActiveClients()) {
            throw InvalidClientMetadata.metadata("this software has reached the number of active clients the tenant allows ("
                    + rule.maxActiveClients() + ")");
        }
        Instant secretExpiresAt = granted.usesClientSecret() && rule.secretLifetime() != null ? issuedAt.plus(rule.secretLifetime()) : null;
        Instant clientExpiresAt = rule.clientLifetime() == null ? null : issuedAt.plus(rule.clientLifetime());
        commands.sendAndWait(new RegisterClient(clientId, tenant.id(), granted, RegistrationMethod.DCR, decision.policyVersion(),
                tokenId, decision.statementIssuer(), issuedAt, secretExpiresAt, clientExpiresAt), actor.toMetaData());
        IssuedSecret secret = granted.usesClientSecret() ? credentials.issue(clientId, CredentialKind.CLIENT_SECRET, secretExpiresAt) : null;
        IssuedSecret rat = credentials.issue(clientId, CredentialKind.REGISTRATION_ACCESS_TOKEN, null);
        return new Registered(clientId, issuedAt, granted, secret, rat);
    }

    /**
     * Validates the metadata, verifies a software statement and applies the tenant's policy: shared
     * by registration and the RFC 7592 update, which must meet the same rules.
     */
    public Decision decide(TenantSettings tenant, ObjectNode document) {
        String issuer = null;
        JsonNode statement = document.get("software_statement");
        if (statement != null) {
            if (!statement.isTextual()) {
                throw InvalidClientMetadata.softwareStatement("software_statement must be a JWT string");
            }
            SoftwareStatements.Verified verified = statements.verify(tenant, statement.asText());
            documents.applyStatement(document, verified.claims());
            issuer = verified.issuer();
        }
        ClientMetadata asked = validator.validate(documents.metadata(document), tenant.privateUseSchemes());
        GovernancePolicy policy = policies.current(tenant.id());
        PolicyRule rule = policy.ruleFor(asked.softwareId());
        return new Decision(GrantDecision.grant(asked, rule, issuer != null, null), rule, policy.version(), issuer);
    }
}
