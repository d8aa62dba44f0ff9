package dev.registrar.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What an authorization server asks to be done to its clients: a new secret, a revocation. Its questions at authorize and token time are {@link dev.registrar.web.ClientRoute}s. */
@RestController
class LifecycleController {

    record Reason(String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewSecret(String clientId, String clientSecret, long clientSecretExpiresAt, long previousSecretValidUntil) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Revoked(String clientId, boolean revoked, int tokensRevoked) {
    }

    private final ClientLifecycle lifecycle;

    LifecycleController(ClientLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/v1/clients/{clientId}/client-secret")
    ResponseEntity<NewSecret> rotateSecret(@PathVariable String clientId, Caller.TenantCaller caller, HttpServletRequest request) {
        return newSecret(clientId, lifecycle.rotateSecret(caller.tenant(), clientId, "on-demand", actor(caller, request)));
    }

    @PostMapping("/api/v1/clients/{clientId}/revocation")
    Revoked revoke(@PathVariable String clientId, @RequestBody(required = false) Reason reason, Caller.TenantCaller caller,
                   HttpServletRequest request) {
        ClientLifecycle.Revocation revocation = lifecycle.revoke(caller.tenant(), clientId, LifecycleAdminController.reason(reason),
                actor(caller, request));
        return new Revoked(clientId, revocation.revokedNow(), revocation.tokensRevoked());
    }

    static ResponseEntity<NewSecret> newSecret(String clientId, RotatedSecret rotated) {
        long expiresAt = rotated.secret().expiresAt() == null ? 0 : rotated.secret().expiresAt().getEpochSecond();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new NewSecret(clientId, rotated.secret().value(), expiresAt, rotated.previousValidUntil().getEpochSecond()));
    }

    private static Actor actor(Caller.TenantCaller caller, HttpServletRequest request) {
        return Actor.authorizationServer(caller, request.getRemoteAddr());
    }
}
