package dev.registrar.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.access.AccessKeys;
import dev.registrar.access.KeyUsage;
import dev.registrar.tenancy.Caller;
import dev.registrar.tenancy.Tenants;
import dev.registrar.websupport.Requests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the authorization-server API (/api/**, tenant keys), the admin API (/admin/**,
 * administrator keys) and the audit API (/audit/**, auditors' read-only keys), all as Bearer tokens;
 * each key opens only its own API, and every call a key makes is counted for the audit of its use.
 * Registration stays open: MCP clients register anonymously.
 */
@Component
@Order(ClientRoutes.ORDER - 1)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final Tenants tenants;
    private final AccessKeys accessKeys;
    private final KeyUsage usage;
    private final ObjectMapper json;

    ApiKeyFilter(Tenants tenants, AccessKeys accessKeys, KeyUsage usage, ObjectMapper json) {
        this.tenants = tenants;
        this.accessKeys = accessKeys;
        this.usage = usage;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = Requests.dispatchedPath(request);
        return !(path.startsWith("/api/") || path.startsWith("/admin/") || path.startsWith("/audit/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Requests.bearer(request).flatMap(key -> tenants.authenticate(key).or(() -> accessKeys.authenticate(key)));
        if (caller.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid API key is required as a Bearer token");
            return;
        }
        if (!mayCall(caller.get(), Requests.dispatchedPath(request))) {
            // Recorded first: writing the refusal closes the response, and the caller may act on it before this filter returns.
            usage.record(caller.get(), request.getMethod() + " " + area(Requests.dispatchedPath(request)), HttpStatus.FORBIDDEN.value());
            refuse(response, HttpStatus.FORBIDDEN, "forbidden", "this key may not call this API");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        try {
            chain.doFilter(request, response);
        } finally {
            usage.record(caller.get(), KeyUsage.operationOf(request), response.getStatus());
        }
    }

    /** {@code /admin/**} for any admin path: what a refused call tried to reach, without the ids in its path. */
    private static String area(String path) {
        int end = path.indexOf('/', 1);
        return (end < 0 ? path : path.substring(0, end)) + "/**";
    }

    private static boolean mayCall(Caller caller, String path) {
        return switch (caller) {
            case Caller.TenantCaller tenant -> path.startsWith("/api/");
            case Caller.Administrator administrator -> path.startsWith("/admin/");
            case Caller.Auditor auditor -> path.startsWith("/audit/");
        };
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
