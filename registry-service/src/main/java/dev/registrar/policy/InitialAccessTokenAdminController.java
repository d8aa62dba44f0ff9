package dev.registrar.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators mint and revoke initial access tokens; each is an event, the token itself only a hash. */
@RestController
class InitialAccessTokenAdminController {

    static final long MAX_TTL_SECONDS = 365L * 24 * 3600;
    static final int MAX_USES = 1_000_000;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenRequest(Long expiresIn, Integer maxUses, List<String> allowedSoftwareIds, List<String> allowedScopes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(String id, String initialAccessToken, long expiresAt, int maxUses, List<String> allowedSoftwareIds,
                         List<String> allowedScopes) {
    }

    private final InitialAccessTokens tokens;
    private final Tenants tenants;
    private final Clock clock;

    InitialAccessTokenAdminController(InitialAccessTokens tokens, Tenants tenants, Clock clock) {
        this.tokens = tokens;
        this.tenants = tenants;
        this.clock = clock;
    }

    @PostMapping("/admin/v1/tenants/{tenant}/initial-access-tokens")
    ResponseEntity<TokenResponse> issue(@PathVariable String tenant, @RequestBody(required = false) TokenRequest request,
                                         Caller.Administrator administrator) {
        tenants.require(tenant);
        TokenRequest asked = request == null ? new TokenRequest(null, null, null, null) : request;
        long ttl = asked.expiresIn() == null ? 86_400 : asked.expiresIn();
        int maxUses = asked.maxUses() == null ? 1 : asked.maxUses();
        if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
            throw new InvalidRequest("expires_in must be between 1 and " + MAX_TTL_SECONDS + " seconds");
        }
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw new InvalidRequest("max_uses must be between 1 and " + MAX_USES);
        }
        Instant now = clock.instant();
        var issued = tokens.issue(tenant, now.plusSeconds(ttl), maxUses,
                asked.allowedSoftwareIds() == null ? List.of() : asked.allowedSoftwareIds(), asked.allowedScopes(), now,
                Actor.administrator(tenant, administrator));
        var details = issued.details();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(new TokenResponse(issued.tokenId(), issued.token().value(), details.expiresAt().getEpochSecond(),
                        details.maxUses(), details.allowedSoftwareIds(), details.allowedScopes()));
    }

    @DeleteMapping("/admin/v1/tenants/{tenant}/initial-access-tokens/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable String tenant, @PathVariable String tokenId, Caller.Administrator administrator) {
        tenants.require(tenant);
        tokens.revoke(tenant, tokenId, clock.instant(), Actor.administrator(tenant, administrator));
        return ResponseEntity.noContent().build();
    }

}
