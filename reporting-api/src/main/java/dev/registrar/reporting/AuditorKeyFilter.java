package dev.registrar.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import dev.registrar.websupport.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits auditors to /api/** by a Bearer token: the key from the configuration, if one is set (held
 * only as a keyed hash with a per-process hash key, compared in constant time; it sees every
 * tenant); a key registry-service issued, which it is asked about on every request; or, where
 * sign-in with the organisation's IdP is on, a JWT from it that names the auditor role.
 */
@Component
class AuditorKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditorKeyFilter.class);

    static final String AUDITOR_ATTRIBUTE = Auditor.class.getName();
    private static final Auditor CONFIGURED = new Auditor("config:auditor", null);

    private final SecretKeySpec hashKey;
    private final byte[] configuredKeyHash;
    private final Registry registry;
    private final OidcAuditors oidc;
    private final ObjectMapper json;

    AuditorKeyFilter(ReportingProperties properties, Registry registry, OidcAuditors oidc, ObjectMapper json) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.hashKey = new SecretKeySpec(key, "HmacSHA256");
        this.configuredKeyHash = properties.configuredAuditorKey().map(this::hash).orElse(null);
        this.registry = registry;
        this.oidc = oidc;
        this.json = json;
    }

    /** Decided on the path the request is dispatched on, not the raw request URI, which {@code /x/../api/…} would slip past. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Requests.dispatchedPath(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = Requests.bearer(request);
        if (presented.isPresent() && oidc.handles(presented.get())) {
            signIn(oidc.verify(presented.get()), request, response, chain);
            return;
        }
        Optional<Auditor> auditor;
        try {
            auditor = presented.flatMap(key -> authenticate(key, request.getMethod() + " " + Requests.dispatchedPath(request)));
        } catch (RegistryUnavailable unavailable) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", unavailable.getMessage());
            return;
        }
        if (auditor.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "an auditor API key is required as a Bearer token");
            return;
        }
        request.setAttribute(AUDITOR_ATTRIBUTE, auditor.get());
        chain.doFilter(request, response);
    }

    /** Sign-ins are not asked of registry-service, so their use is written to this service's log instead. */
    private void signIn(OidcAuditors.Verdict verdict, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (verdict) {
            case OidcAuditors.Verdict.Accepted accepted -> {
                request.setAttribute(AUDITOR_ATTRIBUTE, accepted.auditor());
                try {
                    chain.doFilter(request, response);
                } finally {
                    log.info("auditor {} (tenant {}) {} {} -> {}", accepted.auditor().keyId(),
                            accepted.auditor().tenant() == null ? "every" : accepted.auditor().tenant(), request.getMethod(), Requests.dispatchedPath(request),
                            response.getStatus());
                }
            }
            case OidcAuditors.Verdict.NotAnAuditor notAnAuditor ->
                    refuse(response, HttpStatus.FORBIDDEN, "forbidden", "the token does not name the auditor role");
            case OidcAuditors.Verdict.Rejected rejected -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "the token is not valid here (signature, issuer, audience or expiry)");
            }
        }
    }

    private Optional<Auditor> authenticate(String key, String operation) {
        if (configuredKeyHash != null && MessageDigest.isEqual(configuredKeyHash, hash(key))) {
            return Optional.of(CONFIGURED);
        }
        return registry.auditor(key, operation);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, type, detail));
    }

    private byte[] hash(String presented) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(presented.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
