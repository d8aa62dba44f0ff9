package dev.registrar.errors;

/** The client was deleted; RFC 7592 section 2.3 answers requests about it as for an invalid token. */
public final class ClientGone extends RegistrarException {

    public ClientGone() {
        super("the client has been deleted");
    }
}
