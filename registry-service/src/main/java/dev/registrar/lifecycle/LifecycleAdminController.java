package dev.registrar.lifecycle;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.readmodel.ExpiryCandidate;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import dev.registrar.tenancy.Tenants;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators revoke clients (one, or every client of a compromised release), rotate secrets, and run expiry. */
@RestController
class LifecycleAdminController {

    private static final int MAX_REASON = 256;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReleaseRevocation(String softwareId, String softwareVersion, String versionFrom, String versionTo, String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReleaseRevoked(String softwareId, int clientsRevoked, int tokensRevoked, List<String> clientIds) {
    }

    record Expired(int expired) {
    }

    private final ClientLifecycle lifecycle;
    private final Tenants tenants;

    LifecycleAdminController(ClientLifecycle lifecycle, Tenants tenants) {
        this.lifecycle = lifecycle;
        this.tenants = tenants;
    }

    @PostMapping("/admin/v1/tenants/{tenant}/clients/{clientId}/revocation")
    LifecycleController.Revoked revoke(@PathVariable String tenant, @PathVariable String clientId,
                                       @RequestBody(required = false) LifecycleController.Reason reason,
                                       Caller.Administrator administrator) {
        tenants.require(tenant);
        ClientLifecycle.Revocation revocation = lifecycle.revoke(tenant, clientId, reason(reason),
                Actor.administrator(tenant, administrator));
        return new LifecycleController.Revoked(clientId, revocation.revokedNow(), revocation.tokensRevoked());
    }

    @PostMapping("/admin/v1/tenants/{tenant}/clients/{clientId}/client-secret")
    ResponseEntity<LifecycleController.NewSecret> rotateSecret(@PathVariable String tenant, @PathVariable String clientId,
                                                                  Caller.Administrator administrator) {
        tenants.require(tenant);
        return LifecycleController.newSecret(clientId, lifecycle.rotateSecret(tenant, clientId, "on-demand",
                Actor.administrator(tenant, administrator)));
    }

    /** Revokes every active client of a software at one version or an inclusive version range. */
    @PostMapping("/admin/v1/tenants/{tenant}/revocations")
    ReleaseRevoked revokeRelease(@PathVariable String tenant, @RequestBody ReleaseRevocation request, Caller.Administrator administrator) {
        tenants.require(tenant);
        if (request == null || request.softwareId() == null || request.softwareId().isBlank()) {
            throw new InvalidRequest("software_id is required");
        }
        VersionRange versions;
        if (request.softwareVersion() != null && request.versionFrom() == null && request.versionTo() == null) {
            versions = VersionRange.exactly(request.softwareVersion());
        } else if (request.softwareVersion() == null && request.versionFrom() != null && request.versionTo() != null) {
            versions = new VersionRange(request.versionFrom(), request.versionTo());
        } else {
            throw new InvalidRequest("give either software_version, or version_from and version_to");
        }
        List<ClientLifecycle.Revocation> revoked = lifecycle.revokeRelease(tenant, request.softwareId(), versions,
                reason(new LifecycleController.Reason(request.reason())),
                Actor.administrator(tenant, administrator));
        return new ReleaseRevoked(request.softwareId(), (int) revoked.stream().filter(ClientLifecycle.Revocation::revokedNow).count(),
                revoked.stream().mapToInt(ClientLifecycle.Revocation::tokensRevoked).sum(),
                revoked.stream().map(ClientLifecycle.Revocation::clientId).toList());
    }

    /** The dry run: what the expiry job would expire now, and why. */
    @GetMapping("/admin/v1/lifecycle/expiry-candidates")
    List<ExpiryCandidate> expiryCandidates() {
        return lifecycle.expiryCandidates();
    }

    @PostMapping("/admin/v1/lifecycle/expiry")
    Expired expireNow(Caller.Administrator administrator) {
        return new Expired(lifecycle.expire(Actor.administrator(null, administrator)));
    }

    static String reason(LifecycleController.Reason reason) {
        String text = reason == null || reason.reason() == null || reason.reason().isBlank() ? "unspecified" : reason.reason();
        if (text.length() > MAX_REASON) {
            throw new InvalidRequest("reason may be at most " + MAX_REASON + " characters long");
        }
        return text;
    }
}
