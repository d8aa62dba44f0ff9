package dev.registrar.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.errors.ClientNotFound;
import dev.registrar.readmodel.ClientDirectory;
import dev.registrar.registration.RedirectUriMatch;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What an authorization server asks at its authorize and token endpoints, and asks to be done to its clients. */
@RestController
class LifecycleController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SecretPresented(String clientSecret) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Authenticated(String clientId, boolean authenticated) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RedirectUriPresented(String redirectUri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RedirectUriChecked(String clientId, boolean match) {
    }

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
    private final ClientDirectory directory;

    LifecycleController(ClientLifecycle lifecycle, ClientDirectory directory) {
        this.lifecycle = lifecycle;
        this.directory = directory;
    }

    /** At the token endpoint: does this secret authenticate this client? 200, or 401 invalid_client, or 429 after repeated failures. */
    @PostMapping("/api/v1/clients/{clientId}/authentication")
    Authenticated authenticate(@PathVariable String clientId, @RequestBody SecretPresented presented, Caller.TenantCaller caller,
                               HttpServletRequest request) {
        lifecycle.authenticate(caller.tenant(), clientId, presented == null ? null : presented.clientSecret(), actor(caller, request));
        return new Authenticated(clientId, true);
    }

    /** At the authorize endpoint: is this redirect URI registered for the client (loopback ports ignored)? */
    @PostMapping("/api/v1/clients/{clientId}/redirect-uri-check")
    RedirectUriChecked checkRedirectUri(@PathVariable String clientId, @RequestBody RedirectUriPresented presented,
                                        Caller.TenantCaller caller) {
        var client = directory.registration(caller.tenant(), clientId).orElseThrow(ClientNotFound::new);
        boolean match = "active".equals(client.status()) && presented != null
                && RedirectUriMatch.matches(client.metadata().redirectUris(), presented.redirectUri());
        return new RedirectUriChecked(clientId, match);
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
