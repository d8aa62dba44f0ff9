package dev.registrar.lifecycle;

import java.time.Instant;

/**
 * A client failed to authenticate: a security event.
 *
 * @param reason {@code unknown-client}, {@code client-not-active}, {@code no-client-secret} or {@code wrong-or-expired-secret}
 */
public record ClientAuthenticationFailed(String tenant, String clientId, String reason, String remoteAddress, Instant failedAt) {
}
