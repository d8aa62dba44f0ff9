package dev.registrar.errors;

/**
 * A request Registrar refuses. The web layer maps each kind to one status and body; the message
 * is written for the caller and is safe to return.
 */
public abstract sealed class RegistrarException extends RuntimeException
        permits InvalidClientMetadata, InvalidToken, ClientGone, UnknownTenant, ClientNotFound, NotFound, InvalidRequest,
        PayloadTooLarge, Conflict, ClientNotActive, TokenRefused, InvalidClient, TooManyAttempts {

    protected RegistrarException(String message) {
        super(message, null, false, false);
    }
}
