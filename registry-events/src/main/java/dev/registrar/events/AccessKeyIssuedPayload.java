package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * An administrator or auditor key was issued (the key itself is never carried).
 *
 * @param role   {@code admin} or {@code auditor}
 * @param tenant the one tenant an auditor key may see; null for a key that sees every tenant
 * @param label  what the key is for, as its issuer named it
 */
@JsonTypeName("access-key.issued")
public record AccessKeyIssuedPayload(String keyId, String role, String tenant, String label, Instant issuedAt) implements EventPayload {
}
