package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** A tenant's stored API keys stopped working at once, for the reason given. */
@JsonTypeName("tenant.api-key-revoked")
public record TenantApiKeyRevokedPayload(String tenantId, String reason, Instant revokedAt) implements EventPayload {
}
