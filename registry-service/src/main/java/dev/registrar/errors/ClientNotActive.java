package dev.registrar.errors;

/** The client is revoked, expired or deleted: nothing more may happen to it, and no token may be recorded for it. */
public final class ClientNotActive extends RegistrarException {

    public ClientNotActive(String status) {
        super("the client is " + status);
    }
}
