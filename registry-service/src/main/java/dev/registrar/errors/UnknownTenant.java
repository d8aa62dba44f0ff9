package dev.registrar.errors;

/** No tenant (authorization server) has this id. */
public final class UnknownTenant extends RegistrarException {

    public UnknownTenant() {
        super("no tenant with this id is registered here");
    }
}
