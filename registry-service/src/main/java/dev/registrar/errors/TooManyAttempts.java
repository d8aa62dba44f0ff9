package dev.registrar.errors;

import java.time.Duration;

/** Too many attempts for one key (a client, an address, a tenant); answered 429 with Retry-After. */
public final class TooManyAttempts extends RegistrarException {

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
