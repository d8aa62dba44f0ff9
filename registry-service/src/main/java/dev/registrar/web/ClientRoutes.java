package dev.registrar.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Caller;
import dev.registrar.websupport.Requests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers the {@link ClientRoute}s, the last filter before Spring MVC: after the API key was checked
 * ({@link ApiKeyFilter}), the body bounded and the security headers set. A path of a route's shape
 * is answered here whatever its method (405 for the wrong one); every other request goes on to
 * Spring MVC. Refusals are answered by {@link ErrorResponses}, as for any controller.
 */
@Component
@Order(ClientRoutes.ORDER)
class ClientRoutes extends OncePerRequestFilter {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE;
    private static final String PREFIX = "/api/v1/clients/";
    private static final MediaType ANY_JSON = new MediaType("application", "*+json");

    /** A route with the reader of its body (null for none), prepared once. */
    private record Prepared(ClientRoute route, ObjectReader bodyReader) {
    }

    private final Map<String, List<Prepared>> routesByAction;
    private final ErrorResponses errors;
    private final ObjectMapper json;

    ClientRoutes(List<ClientRoute> routes, ErrorResponses errors, ObjectMapper json) {
        this.routesByAction = routes.stream()
                .map(route -> new Prepared(route, route.bodyType() == null ? null : json.readerFor(route.bodyType())))
                .collect(Collectors.groupingBy(prepared -> prepared.route().action()));
        this.errors = errors;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Requests.dispatchedPath(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = Requests.dispatchedPath(request);
        int idEnd = path.indexOf('/', PREFIX.length());
        String clientId = path.substring(PREFIX.length(), idEnd < 0 ? path.length() : idEnd);
        String action = idEnd < 0 ? "" : path.substring(idEnd);
        List<Prepared> shaped = routesByAction.get(action);
        if (clientId.isEmpty() || shaped == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PREFIX + "{clientId}" + action);
        ResponseEntity<?> answer;
        try {
            answer = answer(shaped, clientId, request);
        } catch (Exception failure) {
            answer = errors.responseTo(failure);
        }
        write(answer, response);
    }

    private static ResponseEntity<?> answer(List<Prepared> shaped, String clientId, HttpServletRequest request) throws IOException {
        for (Prepared prepared : shaped) {
            ClientRoute route = prepared.route();
            if (route.method().equals(request.getMethod())) {
                if (prepared.bodyReader() != null && !takesJson(request.getContentType())) {
                    return ErrorResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                            "the body must be application/json");
                }
                Object body = prepared.bodyReader() == null ? null : body(prepared.bodyReader(), request);
                Caller.TenantCaller caller = (Caller.TenantCaller) request.getAttribute(ApiKeyFilter.CALLER_ATTRIBUTE);
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(route.answer().apply(new ClientRequest(clientId, caller, request.getRemoteAddr(), body)));
            }
        }
        String allowed = shaped.stream().map(prepared -> prepared.route().method()).collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allowed)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "this path answers " + allowed + " only"));
    }

    /** The JSON body as the reader's type; a missing or malformed body is an invalid request. */
    private static Object body(ObjectReader reader, HttpServletRequest request) throws IOException {
        Object body;
        try {
            body = reader.readValue(request.getInputStream());
        } catch (JsonProcessingException unreadable) {
            throw new InvalidRequest("the body is not the JSON object this endpoint takes");
        }
        if (body == null) {
            throw new InvalidRequest("a JSON object is required as the body");
        }
        return body;
    }

    /** The types Spring MVC's JSON converter reads: application/json and application/*+json, any parameters. */
    private static boolean takesJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || ANY_JSON.includes(type);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** One write with its length, as {@link SingleWriteResponseFilter} makes of Spring MVC's answers. */
    private void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = json.writeValueAsBytes(answer.getBody());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
