package dev.registrar.registration;

import static dev.registrar.errors.InvalidClientMetadata.softwareStatement;
import static dev.registrar.errors.InvalidClientMetadata.unapprovedSoftwareStatement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.registrar.tenancy.TenantSettings;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Verifies software statements (RFC 7591 section 2.3): a JWT signed with an asymmetric key by an
 * issuer the tenant trusts, with keys from the tenant's configuration or the issuer's JWKS URL.
 */
@Component
class SoftwareStatements {

    /** A verified statement: its issuer and its claims, which override the request's values (RFC 7591 section 3.1.1). */
    record Verified(String issuer, Map<String, Object> claims) {
    }

    private static final Set<JWSAlgorithm> ASYMMETRIC = Stream.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC, JWSAlgorithm.Family.ED)
            .flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, JWKSource<SecurityContext>> remoteKeys = new ConcurrentHashMap<>();

    Verified verify(TenantSettings tenant, String statement) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(statement);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException notAJwt) {
            throw softwareStatement("software_statement is not a signed JWT");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!ASYMMETRIC.contains(algorithm)) {
            throw softwareStatement("software_statement must be signed with an asymmetric algorithm (RS*, PS*, ES*, EdDSA)");
        }
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw softwareStatement("software_statement has no iss claim");
        }
        TenantSettings.TrustedIssuer trusted = tenant.softwareStatementIssuers().stream()
                .filter(candidate -> candidate.issuer().equals(issuer))
                .findFirst()
                .orElseThrow(() -> unapprovedSoftwareStatement("software statements from this issuer are not accepted here"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys(trusted)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of()));
        try {
            processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException unverified) {
            throw softwareStatement("software_statement's signature or validity period could not be verified");
        }
        return new Verified(issuer, claims.toJSONObject());
    }

    private JWKSource<SecurityContext> keys(TenantSettings.TrustedIssuer issuer) {
        if (issuer.jwks() != null) {
            try {
                return new ImmutableJWKSet<>(JWKSet.parse(issuer.jwks()));
            } catch (ParseException misconfigured) {
                throw new IllegalStateException("the configured JWK set of issuer " + issuer.issuer() + " is unreadable", misconfigured);
            }
        }
        if (issuer.jwksUri() == null) {
            throw new IllegalStateException("issuer " + issuer.issuer() + " has neither jwks nor jwks-uri configured");
        }
        return remoteKeys.computeIfAbsent(issuer.jwksUri(), uri -> {
            try {
                return JWKSourceBuilder.create(URI.create(uri).toURL()).build();
            } catch (MalformedURLException | IllegalArgumentException misconfigured) {
                throw new IllegalStateException("jwks-uri of issuer " + issuer.issuer() + " is not a URL", misconfigured);
            }
        });
    }
}
