package dev.registrar.credentials;

import java.time.Instant;

/**
 * A secret just rotated: the new one, shown once, and until when the one it replaces keeps working
 * so its holder can switch over.
 */
public record RotatedSecret(IssuedSecret secret, Instant previousValidUntil) {
}
