package dev.registrar.reporting;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Auditors signing in with JWTs from the organisation's identity provider; off unless
 * {@code issuer-uri} is set.
 *
 * @param issuerUri   the IdP's issuer: a token's {@code iss} must be exactly this
 * @param jwkSetUri   where the IdP publishes its signing keys; discovered from the issuer when absent
 * @param audience    a token's {@code aud} must hold this
 * @param roleClaim   the claim (a string or a list of strings) that names the holder's roles
 * @param auditorRole the role that makes the holder an auditor
 * @param tenantClaim the claim that confines the auditor to one tenant; a token without it sees every tenant
 */
@ConfigurationProperties("registrar.reporting.oidc")
record OidcProperties(URI issuerUri, URI jwkSetUri, @DefaultValue("registrar-reporting") String audience,
                      @DefaultValue("roles") String roleClaim, @DefaultValue("registrar-auditor") String auditorRole,
                      @DefaultValue("registrar_tenant") String tenantClaim) {

    boolean enabled() {
        return issuerUri != null;
    }
}
