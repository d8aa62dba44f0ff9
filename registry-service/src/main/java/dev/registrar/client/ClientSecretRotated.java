package dev.registrar.client;

import java.time.Instant;

/**
 * The client secret was replaced; the new value went to the caller alone.
 *
 * @param reason             {@code on-demand} or {@code policy} (close to expiry)
 * @param secretExpiresAt    when the new secret expires; null for never
 * @param previousValidUntil until when the previous secret still authenticates (the grace period)
 */
public record ClientSecretRotated(String clientId, String tenant, String reason, Instant secretExpiresAt, Instant previousValidUntil,
                                  Instant rotatedAt) implements ClientEvent {
}
