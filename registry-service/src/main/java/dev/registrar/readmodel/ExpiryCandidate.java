package dev.registrar.readmodel;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A client the expiry job would expire.
 *
 * @param reason {@code lifetime} or {@code stale}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExpiryCandidate(String clientId, String tenant, String reason) {
}
