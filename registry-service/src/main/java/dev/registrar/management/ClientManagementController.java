package dev.registrar.management;

import dev.registrar.credentials.RotatedSecret;
import dev.registrar.lifecycle.ClientLifecycle;
import dev.registrar.readmodel.RegisteredClient;
import dev.registrar.registration.BearerToken;
import dev.registrar.registration.ClientInformationResponse;
import dev.registrar.registration.RegistrationDocument;
import dev.registrar.registration.RegistrationUris;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.TenantSettings;
import dev.registrar.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The client configuration endpoint of RFC 7592, at the registration_client_uri given on registration. */
@RestController
class ClientManagementController {

    private static final String CLIENT_URI = "/t/{tenant}/register/{clientId}";

    private final ClientManagement management;
    private final ClientLifecycle lifecycle;
    private final RegistrationDocument documents;
    private final Tenants tenants;

    ClientManagementController(ClientManagement management, ClientLifecycle lifecycle, RegistrationDocument documents, Tenants tenants) {
        this.management = management;
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.tenants = tenants;
    }

    /**
     * RFC 7592 section 2.1: 200 with the current registration; no credential is repeated, except a
     * client secret rotated now because the old one is close to expiry (section 3 allows it).
     */
    @GetMapping(path = CLIENT_URI, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientInformationResponse> read(@PathVariable String tenant, @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, HttpServletRequest request) {
        TenantSettings settings = tenants.require(tenant);
        RegisteredClient client = management.authenticate(tenant, clientId, BearerToken.from(authorization).orElse(null));
        Optional<RotatedSecret> rotated = lifecycle.rotateSecretIfDue(client, actingClient(tenant, clientId, request));
        return noStore(ResponseEntity.ok()).body(ClientInformationResponse.of(clientId, client.registeredAt(), client.metadata(),
                rotated.map(secret -> secret.secret().value()).orElse(null),
                rotated.map(secret -> secret.secret().expiresAt()).orElse(client.clientSecretExpiresAt()),
                null, RegistrationUris.clientUri(settings, clientId)));
    }

    /** RFC 7592 section 2.2: full replacement; the answer carries the new registration access token. */
    @PutMapping(path = CLIENT_URI, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientInformationResponse> update(@PathVariable String tenant, @PathVariable String clientId, InputStream body,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) throws IOException {
        TenantSettings settings = tenants.require(tenant);
        RegisteredClient client = management.authenticate(tenant, clientId, BearerToken.from(authorization).orElse(null));
        ClientManagement.Updated updated = management.update(settings, client, documents.read(body), actingClient(tenant, clientId, request));
        return noStore(ResponseEntity.ok()).body(ClientInformationResponse.of(clientId, client.registeredAt(), updated.metadata(),
                updated.newSecret() == null ? null : updated.newSecret().value(), updated.secretExpiresAt(),
                updated.registrationAccessToken().value(), RegistrationUris.clientUri(settings, clientId)));
    }

    /** RFC 7592 section 2.3: 204; afterwards the client and its tokens are gone. */
    @DeleteMapping(CLIENT_URI)
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, HttpServletRequest request) {
        tenants.require(tenant);
        RegisteredClient client = management.authenticate(tenant, clientId, BearerToken.from(authorization).orElse(null));
        management.delete(client, actingClient(tenant, clientId, request));
        return ResponseEntity.noContent().build();
    }

    private static Actor actingClient(String tenant, String clientId, HttpServletRequest request) {
        return new Actor(tenant, "client", clientId, request.getRemoteAddr());
    }

    private static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder builder) {
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }
}
