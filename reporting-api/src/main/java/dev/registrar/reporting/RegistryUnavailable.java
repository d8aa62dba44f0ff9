package dev.registrar.reporting;

/** registry-service, the system of record, could not be asked; answered 503. */
final class RegistryUnavailable extends RuntimeException {

    RegistryUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
