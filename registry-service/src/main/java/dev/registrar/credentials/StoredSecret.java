package dev.registrar.credentials;

import java.time.OffsetDateTime;

/**
 * What is stored of an owner's secret of one kind: the keyed hash of the current value and, within
 * its grace period after a rotation, of the previous one, each with its expiry (null: none).
 * Checked against a presented value by {@link Credentials#matches}.
 */
public record StoredSecret(byte[] hash, OffsetDateTime expiresAt, byte[] previousHash, OffsetDateTime previousExpiresAt) {
}
