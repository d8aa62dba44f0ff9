package dev.registrar.errors;

import java.time.Duration;

/** Too many failed attempts for one client; answered 429 with Retry-After. */
public final class TooManyAttempts extends RegistrarException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("too many failed attempts for this client; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
