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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits auditors to /api/** by their key as a Bearer token: the key from the configuration, if one
 * is set (held only as a keyed hash with a per-process hash key, compared in constant time; it sees
 * every tenant), or a key registry-service issued, which it is asked about on every request.
 */
@Component
class AuditorKeyFilter extends OncePerRequestFilter {

    static final String AUDITOR_ATTRIBUTE = Auditor.class.getName();
    private static final Auditor CONFIGURED = new Auditor("config:auditor", null);

    private final SecretKeySpec hashKey;
    private final byte[] configuredKeyHash;
    private final Registry registry;
    private final ObjectMapper json;

    AuditorKeyFilter(ReportingProperties properties, Registry registry, ObjectMapper json) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.hashKey = new SecretKeySpec(key, "HmacSHA256");
        boolean configured = properties.auditorApiKey() != null && !properties.auditorApiKey().isBlank();
        this.configuredKeyHash = configured ? hash(properties.auditorApiKey()) : null;
        this.registry = registry;
        this.json = json;
    }

    /**
     * Decided on the normalized, decoded path the request is dispatched on, not the raw request URI,
     * which a path like {@code /x/../api/…} would slip past.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = bearer(request);
        Optional<Auditor> auditor;
        try {
            auditor = presented.flatMap(key -> authenticate(key, request.getMethod() + " " + path(request)));
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

    /** The key the auditor presented, for asking registry-service on the auditor's behalf. */
    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(key -> !key.isEmpty());
    }

    private Optional<Auditor> authenticate(String key, String operation) {
        if (configuredKeyHash != null && MessageDigest.isEqual(configuredKeyHash, hash(key))) {
            return Optional.of(CONFIGURED);
        }
        return registry.auditor(key, operation);
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
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
