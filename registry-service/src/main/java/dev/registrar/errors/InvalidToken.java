package dev.registrar.errors;

/**
 * A missing, unknown, expired, exhausted or revoked bearer token on a registration request: a
 * registration access token (RFC 7592 section 3) or an initial access token (RFC 7591 section 3).
 * Answered 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750 section 3.1).
 */
public final class InvalidToken extends RegistrarException {

    public InvalidToken(String description) {
        super(description);
    }
}
