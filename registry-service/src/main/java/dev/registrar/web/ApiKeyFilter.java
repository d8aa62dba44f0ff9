package dev.registrar.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.tenancy.Caller;
import dev.registrar.tenancy.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the authorization-server API (/api/**, tenant keys), the admin API (/admin/**, the
 * administrators' key) and the audit API (/audit/**, the auditors' read-only key), all as Bearer
 * tokens; each key opens only its own API. Registration stays open: MCP clients register anonymously.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final Tenants tenants;
    private final ObjectMapper json;

    ApiKeyFilter(Tenants tenants, ObjectMapper json) {
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.startsWith("/api/") || path.startsWith("/admin/") || path.startsWith("/audit/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = bearer(request).flatMap(tenants::authenticate);
        if (caller.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid API key is required as a Bearer token");
            return;
        }
        if (!mayCall(caller.get(), path(request))) {
            refuse(response, HttpStatus.FORBIDDEN, "forbidden", "this key may not call this API");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /**
     * The normalized, decoded path the request is dispatched on. The raw request URI is not: a
     * path like {@code /api/../admin/…} would pass a check on it and still reach the admin API.
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static boolean mayCall(Caller caller, String path) {
        return switch (caller) {
            case Caller.TenantCaller tenant -> path.startsWith("/api/");
            case Caller.Administrator administrator -> path.startsWith("/admin/");
            case Caller.Auditor auditor -> path.startsWith("/audit/");
        };
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(token -> !token.isEmpty());
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), Problems.of(status, type, detail));
    }
}
