package dev.registrar.errors;

/** No client with this id is visible to the caller; another tenant's client is reported the same way. */
public final class ClientNotFound extends RegistrarException {

    public ClientNotFound() {
        super("no client with this client_id");
    }
}
