package dev.registrar.errors;

/** An administered thing (an initial access token, a policy) that does not exist for the caller. */
public final class NotFound extends RegistrarException {

    public NotFound(String description) {
        super(description);
    }
}
