package dev.registrar.registration;

import dev.registrar.tenancy.TenantSettings;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where a client manages its registration (RFC 7592 section 3). Built from the tenant's public
 * base URL, so the client sees its authorization server's URL rather than Registrar's.
 */
public final class RegistrationUris {

    private RegistrationUris() {
    }

    public static String clientUri(TenantSettings tenant, String clientId) {
        String base = tenant.publicBaseUrl() != null
                ? tenant.publicBaseUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/t/" + tenant.id() + "/register/" + clientId;
    }
}
