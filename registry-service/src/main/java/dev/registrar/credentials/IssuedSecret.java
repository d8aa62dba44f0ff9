package dev.registrar.credentials;

import java.time.Instant;

/**
 * A secret just issued: its value goes into one response and nowhere else.
 *
 * @param expiresAt when it stops working; null when it does not expire
 */
public record IssuedSecret(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedSecret[value=(hidden), expiresAt=" + expiresAt + "]";
    }
}
