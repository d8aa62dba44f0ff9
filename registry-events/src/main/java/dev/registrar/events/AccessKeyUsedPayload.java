package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;

/**
 * What one key was used for between {@code firstUsedAt} and {@code lastUsedAt}: tenant, administrator
 * and auditor keys alike, summed per operation and answer, so the hot path writes nothing per call.
 *
 * @param keyId      the key's id: an issued access key's id, {@code tenant:<id>} for a tenant's stored key,
 *                   {@code config:<role>} or {@code config:tenant:<id>} for a key from the configuration
 * @param role       {@code tenant}, {@code admin} or {@code auditor}
 * @param operations each operation called ({@code GET /api/v1/clients/{clientId}}), with its HTTP status and count
 */
@JsonTypeName("access-key.used")
public record AccessKeyUsedPayload(String keyId, String role, Instant firstUsedAt, Instant lastUsedAt, long calls,
                                   List<Operation> operations) implements EventPayload {

    public record Operation(String operation, int status, long calls) {
    }
}
