package dev.registrar.tokens;

import dev.registrar.client.ClientStatus;
import dev.registrar.errors.TokenRefused;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.readmodel.TokenSubject;
import dev.registrar.tenancy.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the authorization server issued and revoked. A batch is one transaction: its rows
 * and its events commit together or not at all, and a token id already recorded is skipped, so a
 * retried batch records nothing twice.
 */
@Component
public class TokenLedger {

    /** The outcome of recording a batch. */
    public record Recorded(int recorded, int duplicates) {
    }

    private final TokenRepository repository;
    private final ClientDirectory directory;
    private final EventGateway events;
    private final Clock clock;

    TokenLedger(TokenRepository repository, ClientDirectory directory, EventGateway events, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Refuses the whole batch when any token names an unknown or inactive client, or scopes it was not granted. */
    @Transactional
    public Recorded record(String tenant, List<IssuedToken> tokens, Actor actor) {
        Map<String, IssuedToken> unique = new LinkedHashMap<>();
        tokens.forEach(token -> unique.putIfAbsent(token.tokenId(), token));
        Map<String, TokenSubject> clients = directory.tokenSubjects(tenant,
                unique.values().stream().map(IssuedToken::clientId).collect(Collectors.toSet()));
        List<TokenIssued> issued = new ArrayList<>();
        int index = 0;
        for (IssuedToken token : unique.values()) {
            issued.add(issued(tenant, token, clients.get(token.clientId()), index++));
        }
        Set<String> fresh = repository.insertNew(tenant, issued);
        List<TokenIssued> recorded = issued.stream().filter(token -> fresh.contains(token.tokenId())).toList();
        if (!recorded.isEmpty()) {
            // Only the events wait for other batches: the rows of concurrent batches go in side by side.
            repository.awaitOtherBatches();
            publish(recorded, actor);
        }
        return new Recorded(recorded.size(), tokens.size() - recorded.size());
    }

    /** Revokes the tenant's live tokens among these ids; answers how many were live. */
    @Transactional
    public int revoke(String tenant, Collection<String> tokenIds, Actor actor) {
        repository.awaitOtherBatches();
        List<TokenRevoked> revoked = repository.revoke(tenant, tokenIds, clock.instant());
        publish(revoked, actor);
        return revoked.size();
    }

    /** Revokes every live token of a client, in the caller's transaction; answers how many. */
    public int revokeAllOf(String tenant, String clientId, String reason, Actor actor) {
        Instant now = clock.instant();
        int count = repository.revokeAllOf(clientId, now);
        publish(List.of(new TokensRevokedForClient(tenant, clientId, count, reason, now)), actor);
        return count;
    }

    private static TokenIssued issued(String tenant, IssuedToken token, TokenSubject client, int index) {
        if (client == null) {
            throw new TokenRefused("unknown-client", "token " + index + ": no client with this client_id in this tenant");
        }
        if (!ClientStatus.ACTIVE.wireName().equals(client.status())) {
            throw new TokenRefused("client-not-active", "token " + index + ": the client is " + client.status());
        }
        if (!client.scopes().containsAll(token.scopes())) {
            throw new TokenRefused("scope-not-granted", "token " + index + ": a scope beyond those the client was granted");
        }
        return new TokenIssued(token.tokenId(), tenant, token.clientId(), client.softwareId(), client.softwareVersion(),
                token.scopes(), token.audience(), token.grantType(), token.subject(), token.issuedAt(), token.expiresAt());
    }

    private void publish(List<? extends TokenEvent> facts, Actor actor) {
        if (facts.isEmpty()) {
            return;
        }
        MetaData metaData = actor.toMetaData();
        events.publish(facts.stream().map(fact -> GenericEventMessage.asEventMessage(fact).andMetaData(metaData)).toList());
    }
}
