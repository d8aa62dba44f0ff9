package dev.registrar.tenancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tenants configured at start (each applied as a TenantConfigured event when it differs from
 * what is in force; the admin API adds and changes tenants at run time), and the administrators' key.
 *
 * @param tenants     each authorization server that uses this registry
 * @param adminApiKey   the administrators' API key (presented as a Bearer token on /admin/**)
 * @param auditorApiKey the auditors' API key, read-only (presented as a Bearer token on /audit/**)
 */
@Validated
@ConfigurationProperties("registrar.tenancy")
public record TenancyProperties(@Valid List<Tenant> tenants, String adminApiKey, String auditorApiKey) {

    public TenancyProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** Whether anyone may register (as MCP clients expect) or only holders of an initial access token. */
    public enum RegistrationMode {
        OPEN,
        INITIAL_ACCESS_TOKEN
    }

    /**
     * @param id                       the tenant id used in URLs, e.g. /t/{id}/register
     * @param apiKey                   the key the tenant's authorization server presents as a Bearer token on /api/**
     * @param publicBaseUrl            the authorization server's public base URL: registration_client_uri is built
     *                                 from it, so clients see the AS's URL; defaults to this service's own URL
     * @param registration             open, or requiring an initial access token
     * @param privateUseSchemes        private-use redirect URI schemes allowed although not in reverse-domain form
     * @param softwareStatementIssuers the issuers whose software statements this tenant trusts
     */
    public record Tenant(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String id,
            String apiKey,
            URI publicBaseUrl,
            @DefaultValue("OPEN") RegistrationMode registration,
            List<String> privateUseSchemes,
            @Valid List<TenantSettings.TrustedIssuer> softwareStatementIssuers) {

        public Tenant {
            privateUseSchemes = privateUseSchemes == null ? List.of() : List.copyOf(privateUseSchemes);
            softwareStatementIssuers = softwareStatementIssuers == null ? List.of() : List.copyOf(softwareStatementIssuers);
        }

        TenantSettings toSettings() {
            return new TenantSettings(id, publicBaseUrl == null ? null : publicBaseUrl.toString(), registration, privateUseSchemes,
                    softwareStatementIssuers);
        }

        @Override
        public String toString() {
            return "Tenant[id=" + id + ", apiKey=(hidden), publicBaseUrl=" + publicBaseUrl + ", registration=" + registration + "]";
        }
    }

    @Override
    public String toString() {
        return "TenancyProperties[tenants=" + tenants + ", adminApiKey=(hidden), auditorApiKey=(hidden)]";
    }
}
