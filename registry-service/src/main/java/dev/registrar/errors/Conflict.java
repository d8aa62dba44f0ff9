package dev.registrar.errors;

/** The request would create something that already exists. */
public final class Conflict extends RegistrarException {

    public Conflict(String description) {
        super(description);
    }
}
