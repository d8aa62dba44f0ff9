package dev.registrar.access;

import java.time.Instant;

/** A key was issued; its value is never part of the event. */
public record AccessKeyIssued(String keyId, AccessRole role, String tenant, String label, Instant issuedAt) implements AccessKeyEvent {
}
