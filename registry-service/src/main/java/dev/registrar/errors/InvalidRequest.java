package dev.registrar.errors;

/** A request to an administrative API whose content is not acceptable; the message says which part. */
public final class InvalidRequest extends RegistrarException {

    public InvalidRequest(String description) {
        super(description);
    }
}
