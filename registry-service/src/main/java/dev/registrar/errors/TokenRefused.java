package dev.registrar.errors;

/** A token fact the authorization server reported cannot be recorded; the code says why. */
public final class TokenRefused extends RegistrarException {

    /** Stable codes: {@code unknown-client}, {@code client-not-active}, {@code scope-not-granted}. */
    private final String code;

    public TokenRefused(String code, String description) {
        super(description);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
