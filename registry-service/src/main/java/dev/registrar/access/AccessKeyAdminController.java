package dev.registrar.access;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.credentials.KeyRevocationRequest;
import dev.registrar.credentials.KeyRotationRequest;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue, list, rotate and revoke administrator and auditor keys; each change is an event. */
@RestController
class AccessKeyAdminController {

    /** @param tenant for an auditor key, the one tenant it may see; absent for every tenant */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyRequest(@NotBlank String role, String tenant, @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String label) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IssuedKey(String keyId, String role, String tenant, String label, Instant issuedAt, String accessKey) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RotatedKey(String keyId, String accessKey, Instant previousValidUntil) {
    }

    private final AccessKeys keys;

    AccessKeyAdminController(AccessKeys keys) {
        this.keys = keys;
    }

    /** 201 with the key, shown this once. */
    @PostMapping("/admin/v1/access-keys")
    ResponseEntity<IssuedKey> issue(@Valid @RequestBody KeyRequest request, Caller.Administrator administrator) {
        AccessRole role = AccessRole.fromWireName(request.role())
                .orElseThrow(() -> new InvalidRequest("role must be admin or auditor"));
        AccessKeys.Issued issued = keys.issue(role, request.tenant(), request.label(), administrator);
        AccessKeyView key = issued.key();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(new IssuedKey(key.keyId(), key.role(), key.tenant(), key.label(), key.issuedAt(), issued.value().value()));
    }

    @GetMapping("/admin/v1/access-keys")
    List<AccessKeyView> list() {
        return keys.all();
    }

    @GetMapping("/admin/v1/access-keys/{keyId}")
    AccessKeyView read(@PathVariable String keyId) {
        return keys.require(keyId);
    }

    /** 200 with the new key, shown this once; the previous value keeps working for the grace period (default 1 h). */
    @PostMapping("/admin/v1/access-keys/{keyId}/rotation")
    ResponseEntity<RotatedKey> rotate(@PathVariable String keyId, @Valid @RequestBody(required = false) KeyRotationRequest request,
                                      Caller.Administrator administrator) {
        RotatedSecret rotated = keys.rotate(keyId, KeyRotationRequest.graceOf(request), administrator);
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(new RotatedKey(keyId, rotated.secret().value(), rotated.previousValidUntil()));
    }

    /** The key stops working at once; 204. */
    @PostMapping("/admin/v1/access-keys/{keyId}/revocation")
    ResponseEntity<Void> revoke(@PathVariable String keyId, @Valid @RequestBody KeyRevocationRequest request, Caller.Administrator administrator) {
        keys.revoke(keyId, request.reason(), administrator);
        return ResponseEntity.noContent().build();
    }
}
