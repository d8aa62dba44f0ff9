package dev.registrar.reporting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Auditors who sign in with the organisation's identity provider: a JWT signed with one of the IdP's
 * published keys, from its issuer, for this audience, not expired, whose role claim holds the auditor
 * role. The tenant claim, when present, confines the auditor to that tenant.
 */
@Component
class OidcAuditors {

    private static final Logger log = LoggerFactory.getLogger(OidcAuditors.class);

    /** What a presented JWT turned out to be. */
    sealed interface Verdict {
        record Accepted(Auditor auditor) implements Verdict {
        }

        /** A valid token of someone who is not an auditor: 403, not 401. */
        record NotAnAuditor() implements Verdict {
        }

        record Rejected() implements Verdict {
        }
    }

    private final OidcProperties properties;
    private volatile JwtDecoder decoder;

    OidcAuditors(OidcProperties properties) {
        this.properties = properties;
    }

    /** Whether the presented bearer is the IdP's business: sign-in is on and it has a JWT's shape. */
    boolean handles(String bearer) {
        return properties.enabled() && bearer.chars().filter(c -> c == '.').count() == 2;
    }

    Verdict verify(String token) {
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException refused) {
            log.info("auditor sign-in refused: {}", refused.getMessage());
            return new Verdict.Rejected();
        }
        if (!roles(jwt).contains(properties.auditorRole())) {
            return new Verdict.NotAnAuditor();
        }
        String tenant = jwt.getClaimAsString(properties.tenantClaim());
        return new Verdict.Accepted(new Auditor(Auditor.SIGNED_IN + jwt.getSubject(), tenant == null || tenant.isBlank() ? null : tenant));
    }

    private List<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(properties.roleClaim());
        if (claim instanceof String role) {
            return List.of(role.split(" "));
        }
        if (claim instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** Built on first use, so a reporting-api whose IdP is away still starts and serves key holders. */
    private JwtDecoder decoder() {
        JwtDecoder built = decoder;
        if (built == null) {
            NimbusJwtDecoder nimbus = properties.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build()
                    : NimbusJwtDecoder.withIssuerLocation(properties.issuerUri().toString()).build();
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuerUri().toString()), audience()));
            built = nimbus;
            decoder = built;
        }
        return built;
    }

    private OAuth2TokenValidator<Jwt> audience() {
        return jwt -> Optional.ofNullable(jwt.getAudience()).orElse(List.of()).contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token is not for " + properties.audience(), null));
    }
}
