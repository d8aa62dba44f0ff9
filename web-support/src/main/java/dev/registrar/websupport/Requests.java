package dev.registrar.websupport;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** What the services' key filters read from a request: its Bearer token and the path it is dispatched on. */
public final class Requests {

    private Requests() {
    }

    /** The RFC 6750 Bearer token of the Authorization header; empty for no header, another scheme or an empty token. */
    public static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim()).filter(token -> !token.isEmpty());
    }

    /**
     * The normalized, decoded path the request is dispatched on. The raw request URI is not: a path
     * like {@code /api/../admin/…} would pass a check on it and still reach another API.
     */
    public static String dispatchedPath(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
