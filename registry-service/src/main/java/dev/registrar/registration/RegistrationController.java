package dev.registrar.registration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.errors.RegistrarException;
import dev.registrar.errors.TooManyAttempts;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.TenantSettings;
import dev.registrar.tenancy.Tenants;
import dev.registrar.throttling.RegistrationThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RFC 7591 registration endpoint. The 201 is sent after the ClientRegistered event and the
 * credential hashes are committed; a refusal is recorded as a security event and changes nothing else.
 */
@RestController
class RegistrationController {

    private final RegistrationDocument documents;
    private final ClientRegistrations registrations;
    private final Rejections rejections;
    private final Tenants tenants;
    private final RegistrationProperties properties;
    private final RegistrationThrottle throttle;

    RegistrationController(RegistrationDocument documents, ClientRegistrations registrations, Rejections rejections,
                           Tenants tenants, RegistrationProperties properties, RegistrationThrottle throttle) {
        this.documents = documents;
        this.registrations = registrations;
        this.rejections = rejections;
        this.tenants = tenants;
        this.properties = properties;
        this.throttle = throttle;
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientInformationResponse> registerForDefaultTenant(InputStream body,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) throws IOException {
        return register(properties.defaultTenant(), body, authorization, request);
    }

    @PostMapping(path = "/t/{tenant}/register", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientInformationResponse> register(@PathVariable String tenant, InputStream body,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) throws IOException {
        // Throttled requests are not recorded as events: a flood must not turn into a flood of writes.
        throttle.admitCaller(tenant, request.getRemoteAddr());
        ObjectNode document = null;
        try {
            TenantSettings settings = tenants.require(tenant);
            String initialAccessToken = BearerToken.from(authorization).orElse(null);
            document = documents.read(body);
            throttle.admitSoftware(tenant, document.path("software_id").textValue());
            ClientRegistrations.Registered registered = registrations.register(settings, document, initialAccessToken,
                    Actor.anonymous(tenant, request.getRemoteAddr()));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.PRAGMA, "no-cache")
                    .body(ClientInformationResponse.of(registered.clientId(), registered.issuedAt(), registered.metadata(),
                            registered.clientSecret() == null ? null : registered.clientSecret().value(),
                            registered.clientSecret() == null ? null : registered.clientSecret().expiresAt(),
                            registered.registrationAccessToken().value(), RegistrationUris.clientUri(settings, registered.clientId())));
        } catch (TooManyAttempts throttled) {
            throw throttled;
        } catch (RegistrarException refused) {
            rejections.record(tenant, refused, document, request.getRemoteAddr());
            throw refused;
        }
    }
}
