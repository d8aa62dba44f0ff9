package dev.registrar.errors;

/** The request body is over the limit; answered 413 before it is read any further. */
public final class PayloadTooLarge extends RegistrarException {

    public PayloadTooLarge(int limitBytes) {
        super("the request body exceeds " + limitBytes / 1024 + " KiB");
    }
}
