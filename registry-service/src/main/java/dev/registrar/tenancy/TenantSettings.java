package dev.registrar.tenancy;

import java.util.List;

/**
 * How one tenant (authorization server) runs registration.
 *
 * @param publicBaseUrl            the authorization server's public base URL, for registration_client_uri;
 *                                 null to use this service's own URL
 * @param registration             {@code OPEN} or {@code INITIAL_ACCESS_TOKEN}
 * @param privateUseSchemes        private-use redirect URI schemes allowed although not in reverse-domain form
 * @param softwareStatementIssuers the issuers whose software statements the tenant trusts
 */
public record TenantSettings(
        String id,
        String publicBaseUrl,
        TenancyProperties.RegistrationMode registration,
        List<String> privateUseSchemes,
        List<TrustedIssuer> softwareStatementIssuers) {

    public TenantSettings {
        registration = registration == null ? TenancyProperties.RegistrationMode.OPEN : registration;
        privateUseSchemes = privateUseSchemes == null ? List.of() : List.copyOf(privateUseSchemes);
        softwareStatementIssuers = softwareStatementIssuers == null ? List.of() : List.copyOf(softwareStatementIssuers);
    }

    /**
     * An issuer of software statements and where its public keys are: inline, or at a JWKS URL.
     *
     * @param jwks the issuer's public JWK set, as JSON
     */
    public record TrustedIssuer(String issuer, String jwks, String jwksUri) {
    }
}
