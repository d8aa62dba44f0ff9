package dev.registrar.access;

import java.time.Instant;

public record AccessKeyRevoked(String keyId, String reason, Instant revokedAt) implements AccessKeyEvent {
}
