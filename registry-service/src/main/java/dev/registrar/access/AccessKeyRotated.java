package dev.registrar.access;

import java.time.Instant;

/** A key was replaced by a new value; the new one is never part of the event. */
public record AccessKeyRotated(String keyId, Instant previousValidUntil, Instant rotatedAt) implements AccessKeyEvent {
}
