package dev.registrar.errors;

/** Client authentication failed (RFC 6749 section 5.2 {@code invalid_client}); the answer never says which part was wrong. */
public final class InvalidClient extends RegistrarException {

    public InvalidClient() {
        super("client authentication failed");
    }
}
