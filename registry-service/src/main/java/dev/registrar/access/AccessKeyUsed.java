package dev.registrar.access;

import java.time.Instant;
import java.util.List;

/**
 * What one key (of any kind: tenant, administrator, auditor) was used for in one interval. It belongs
 * to no aggregate: usage is a fact about the key, not a change to it.
 *
 * @param role {@code tenant}, {@code admin} or {@code auditor}
 */
public record AccessKeyUsed(String keyId, String role, String tenant, Instant firstUsedAt, Instant lastUsedAt, long calls,
                            List<OperationCount> operations) {

    /** One operation ({@code GET /api/v1/clients/{clientId}}) answered with one status, and how often. */
    public record OperationCount(String operation, int status, long calls) {
    }
}
