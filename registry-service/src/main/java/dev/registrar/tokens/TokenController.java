package dev.registrar.tokens;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization server reports every token it issues and revokes. A batch holds up to 1,000
 * tokens and is recorded in one transaction; a token id recorded before is counted as a duplicate.
 */
@RestController
class TokenController {

    static final int MAX_BATCH = 1000;
    private static final Pattern TOKEN_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_TEXT = 256;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenDocument(String tokenId, String clientId, String scope, List<String> audience, String grantType, String sub,
                         Long issuedAt, Long expiresAt) {
    }

    record TokenBatch(List<TokenDocument> tokens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Revocation(List<String> tokenIds) {
    }

    record Recorded(int recorded, int duplicates) {
    }

    record Revoked(int revoked) {
    }

    private final TokenLedger ledger;

    TokenController(TokenLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping("/api/v1/tokens")
    Recorded recordOne(@RequestBody TokenDocument token, Caller.TenantCaller caller, HttpServletRequest request) {
        return record(List.of(token), caller, request);
    }

    @PostMapping("/api/v1/tokens/batch")
    Recorded recordBatch(@RequestBody TokenBatch batch, Caller.TenantCaller caller, HttpServletRequest request) {
        if (batch == null || batch.tokens() == null || batch.tokens().isEmpty() || batch.tokens().size() > MAX_BATCH) {
            throw new InvalidRequest("tokens must hold 1 to " + MAX_BATCH + " tokens");
        }
        return record(batch.tokens(), caller, request);
    }

    @PostMapping("/api/v1/tokens/revocations")
    Revoked revoke(@RequestBody Revocation revocation, Caller.TenantCaller caller, HttpServletRequest request) {
        if (revocation == null || revocation.tokenIds() == null || revocation.tokenIds().isEmpty()
                || revocation.tokenIds().size() > MAX_BATCH || revocation.tokenIds().stream().anyMatch(id -> id == null || !TOKEN_ID.matcher(id).matches())) {
            throw new InvalidRequest("token_ids must hold 1 to " + MAX_BATCH + " token ids");
        }
        return new Revoked(ledger.revoke(caller.tenant(), revocation.tokenIds(), actor(caller, request)));
    }

    private Recorded record(List<TokenDocument> documents, Caller.TenantCaller caller, HttpServletRequest request) {
        List<IssuedToken> tokens = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            tokens.add(parse(documents.get(i), i));
        }
        TokenLedger.Recorded recorded = ledger.record(caller.tenant(), tokens, actor(caller, request));
        return new Recorded(recorded.recorded(), recorded.duplicates());
    }

    private static IssuedToken parse(TokenDocument token, int index) {
        String at = "token " + index + ": ";
        if (token == null) {
            throw new InvalidRequest(at + "must be an object");
        }
        if (token.tokenId() == null || !TOKEN_ID.matcher(token.tokenId()).matches()) {
            throw new InvalidRequest(at + "token_id must be 1 to 128 printable ASCII characters (a jti or a hash, never the token)");
        }
        if (token.clientId() == null || token.clientId().isBlank() || token.clientId().length() > 64) {
            throw new InvalidRequest(at + "client_id is required");
        }
        if (token.grantType() == null || token.grantType().isBlank() || token.grantType().length() > 64) {
            throw new InvalidRequest(at + "grant_type is required");
        }
        if (token.sub() != null && token.sub().length() > MAX_TEXT) {
            throw new InvalidRequest(at + "sub may be at most " + MAX_TEXT + " characters long");
        }
        if (token.issuedAt() == null || token.expiresAt() == null || token.expiresAt() <= token.issuedAt()) {
            throw new InvalidRequest(at + "issued_at and expires_at (epoch seconds) are required, expires_at after issued_at");
        }
        List<String> audience = token.audience() == null ? List.of() : token.audience();
        if (audience.size() > 10 || audience.stream().anyMatch(value -> value == null || value.length() > MAX_TEXT)) {
            throw new InvalidRequest(at + "audience may hold up to 10 values of at most " + MAX_TEXT + " characters");
        }
        List<String> scopes = token.scope() == null || token.scope().isBlank()
                ? List.of()
                : Arrays.stream(token.scope().trim().split(" +")).distinct().toList();
        return new IssuedToken(token.tokenId(), token.clientId(), scopes, audience, token.grantType(), token.sub(),
                Instant.ofEpochSecond(token.issuedAt()), Instant.ofEpochSecond(token.expiresAt()));
    }

    private static Actor actor(Caller.TenantCaller caller, HttpServletRequest request) {
        return Actor.authorizationServer(caller, request.getRemoteAddr());
    }
}
