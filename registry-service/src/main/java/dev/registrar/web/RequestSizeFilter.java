package dev.registrar.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body larger than its endpoint's limit before it is read: by its declared length at
 * once, and a chunked one as soon as it grows past the limit. Nothing after this filter ever
 * holds more than the limit of one request in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final ObjectMapper json;

    RequestSizeFilter(RequestLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /** RFC 7591/7592 bodies are read, and refused in their own error format, by the registration endpoints themselves. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.equals("/register") || path.startsWith("/t/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = limits.maxBodyBytesFor(request.getServletPath());
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge(limit)));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read from it. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream bounded;

        Bounded(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedStream(super.getInputStream(), limit);
            }
            return bounded;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final int limit;
        private long read;

        BoundedStream(ServletInputStream body, int limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }

    /** A chunked body grew past its limit while being read; answered 413 by {@link ErrorResponses}. */
    static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge(int limit) {
            super(tooLarge(limit), null, false, false);
        }
    }

    private static String tooLarge(int limit) {
        return "the request body is larger than the " + limit + " bytes this endpoint accepts";
    }
}
