package dev.registrar.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Governance policy from configuration, applied at start (as an event, when it differs from the
 * policy in force). The admin API changes it at run time.
 *
 * @param tenants the rules per tenant id, first match wins
 */
@Validated
@ConfigurationProperties("registrar.policy")
record PolicyProperties(Map<String, List<@Valid Rule>> tenants) {

    PolicyProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** One rule; see {@link PolicyRule} for the meaning of each setting. */
    record Rule(
            @NotBlank @DefaultValue("*") String softwareIdPattern,
            List<String> allowedScopes,
            List<String> redirectUriPrefixes,
            boolean requireSoftwareStatement,
            @Min(0) int maxActiveClients,
            Duration clientLifetime,
            @DefaultValue("90d") Duration secretLifetime) {

        PolicyRule toRule() {
            return new PolicyRule(softwareIdPattern, allowedScopes, redirectUriPrefixes, requireSoftwareStatement,
                    maxActiveClients, clientLifetime, secretLifetime);
        }
    }
}
