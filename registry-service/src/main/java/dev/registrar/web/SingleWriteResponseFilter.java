package dev.registrar.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tomcat send each answer in one write, with its {@code Content-Length}. Spring's message
 * converters flush the output stream after writing a body, and a {@code ResponseEntity} flushes the
 * response too; either commits it before it is complete, so Tomcat sends it chunked: the headers
 * and body in one write, the closing chunk in another. Every answer here is a small JSON document
 * on the authorization server's hot path, so flushes are ignored; a body larger than Tomcat's
 * buffer still goes out as the buffer fills.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SingleWriteResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new UnflushedResponse(response));
    }

    private static final class UnflushedResponse extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        UnflushedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedOutputStream(super.getOutputStream());
            }
            return body;
        }

        @Override
        public void flushBuffer() {
            // Tomcat completes the response when the request ends, or sends a full buffer.
        }
    }

    private static final class UnflushedOutputStream extends ServletOutputStream {

        private final ServletOutputStream target;

        UnflushedOutputStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // Tomcat completes the response when the request ends, or sends a full buffer.
        }

        @Override
        public void close() throws IOException {
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
