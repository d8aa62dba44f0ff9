package dev.registrar.access;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * An issued access key as administrators see it: never its value.
 *
 * @param status     {@code active} or {@code revoked}
 * @param lastUsedAt the end of the last usage interval recorded for it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessKeyView(String keyId, String role, String tenant, String label, String status, Instant issuedAt,
                            Instant rotatedAt, Instant revokedAt, String revokedReason, Instant lastUsedAt) {

    boolean active() {
        return revokedAt == null;
    }
}
