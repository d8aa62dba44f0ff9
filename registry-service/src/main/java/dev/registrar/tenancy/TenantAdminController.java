package dev.registrar.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.credentials.KeyRevocationRequest;
import dev.registrar.credentials.KeyRotationRequest;
import dev.registrar.credentials.RotatedSecret;
import dev.registrar.errors.InvalidRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create, read and change tenants, and rotate or revoke their API keys; every change is an event. */
@RestController
class TenantAdminController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IssuerDocument(String issuer, JsonNode jwks, String jwksUri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TenantDocument(String id, String publicBaseUrl, String registration, List<String> privateUseSchemes,
                          List<IssuerDocument> softwareStatementIssuers, String apiKey) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RotatedKey(String tenant, String apiKey, Instant previousValidUntil) {
    }

    private final TenantAdministration administration;
    private final TenantSettingsParser parser;
    private final Tenants tenants;

    TenantAdminController(TenantAdministration administration, TenantSettingsParser parser, Tenants tenants) {
        this.administration = administration;
        this.parser = parser;
        this.tenants = tenants;
    }

    @GetMapping("/admin/v1/tenants")
    List<TenantDocument> list() {
        return tenants.all().stream().map(settings -> document(settings, null)).toList();
    }

    @GetMapping("/admin/v1/tenants/{tenant}")
    TenantDocument read(@PathVariable String tenant) {
        return document(tenants.require(tenant), null);
    }

    /** 201 with the tenant's API key, shown this once. */
    @PostMapping("/admin/v1/tenants")
    ResponseEntity<TenantDocument> create(@RequestBody TenantDocument request, Caller.Administrator administrator) {
        if (request == null) {
            throw new InvalidRequest("the body must be a tenant document");
        }
        TenantAdministration.Created created = administration.create(parser.parse(request.id(), request), administrator);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(document(created.settings(), created.apiKey().value()));
    }

    /** 200 with the new API key, shown this once; the previous stored key keeps working for the grace period (default 1 h). */
    @PostMapping("/admin/v1/tenants/{tenant}/api-key/rotation")
    ResponseEntity<RotatedKey> rotateApiKey(@PathVariable String tenant, @Valid @RequestBody(required = false) KeyRotationRequest request,
                                           Caller.Administrator administrator) {
        tenants.require(tenant);
        RotatedSecret rotated = administration.rotateApiKey(tenant, KeyRotationRequest.graceOf(request), administrator);
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(new RotatedKey(tenant, rotated.secret().value(), rotated.previousValidUntil()));
    }

    /** The tenant's stored API keys stop working at once; 204. */
    @PostMapping("/admin/v1/tenants/{tenant}/api-key/revocation")
    ResponseEntity<Void> revokeApiKey(@PathVariable String tenant, @Valid @RequestBody KeyRevocationRequest request,
                                      Caller.Administrator administrator) {
        tenants.require(tenant);
        administration.revokeApiKey(tenant, request.reason(), administrator);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/admin/v1/tenants/{tenant}")
    TenantDocument replace(@PathVariable String tenant, @RequestBody TenantDocument request, Caller.Administrator administrator) {
        tenants.require(tenant);
        return document(administration.replace(parser.parse(tenant, request), administrator), null);
    }

    private TenantDocument document(TenantSettings settings, String apiKey) {
        return new TenantDocument(settings.id(), settings.publicBaseUrl(), settings.registration().name().toLowerCase(),
                settings.privateUseSchemes(),
                settings.softwareStatementIssuers().stream().map(issuer -> new IssuerDocument(issuer.issuer(),
                        issuer.jwks() == null ? null : parser.tree(issuer.jwks()), issuer.jwksUri())).toList(),
                apiKey);
    }
}
