package dev.registrar.policy;

import dev.registrar.credentials.CredentialKind;
import dev.registrar.credentials.Credentials;
import dev.registrar.credentials.IssuedSecret;
import dev.registrar.errors.InvalidToken;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.registrar.tenancy.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Issues initial access tokens and spends them on registrations. */
@Component
public class InitialAccessTokens {

    /** A token just issued: its value is shown once. */
    public record Issued(String tokenId, IssuedSecret token, InitialAccessTokenIssued details) {
    }

    private final Credentials credentials;
    private final CommandGateway commands;

    InitialAccessTokens(Credentials credentials, CommandGateway commands) {
        this.credentials = credentials;
        this.commands = commands;
    }

    /** The token's hash and its InitialAccessTokenIssued event are committed together. */
    @Transactional
    public Issued issue(String tenant, Instant expiresAt, int maxUses, List<String> allowedSoftwareIds, List<String> allowedScopes,
                        Instant now, Actor actor) {
        String tokenId = UUID.randomUUID().toString();
        IssuedSecret token = credentials.issue(tokenId, CredentialKind.INITIAL_ACCESS_TOKEN, expiresAt);
        var command = new IssueInitialAccessToken(tokenId, tenant, expiresAt, maxUses, allowedSoftwareIds, allowedScopes, now);
        commands.sendAndWait(command, actor.toMetaData());
        return new Issued(tokenId, token, new InitialAccessTokenIssued(tokenId, tenant, expiresAt, maxUses,
                command.allowedSoftwareIds(), command.allowedScopes(), now));
    }

    /**
     * Spends one use of the presented token on a registration, in the caller's transaction.
     *
     * @return the id of the token and the scopes it allows (null: any)
     */
    public Spent spend(String tenant, String presentedToken, String clientId, String softwareId, Instant now, Actor actor) {
        String tokenId = credentials.ownerOf(CredentialKind.INITIAL_ACCESS_TOKEN, presentedToken)
                .orElseThrow(() -> new InvalidToken("the initial access token is invalid, expired, used up or revoked"));
        List<String> allowedScopes = commands.sendAndWait(new UseInitialAccessToken(tokenId, tenant, clientId, softwareId, now), actor.toMetaData());
        return new Spent(tokenId, allowedScopes);
    }

    public record Spent(String tokenId, List<String> allowedScopes) {
    }

    public void revoke(String tenant, String tokenId, Instant now, Actor actor) {
        commands.sendAndWait(new RevokeInitialAccessToken(tokenId, tenant, now), actor.toMetaData());
    }
}
