package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A tenant was created or its registration settings changed.
 *
 * @param registration             {@code open} or {@code initial_access_token}
 * @param softwareStatementIssuers the issuers the tenant trusts (their keys are not carried)
 * @param source                   {@code config} or {@code admin}
 */
@JsonTypeName("tenant.configured")
public record TenantConfiguredPayload(
        String tenantId,
        long version,
        String publicBaseUrl,
        String registration,
        List<String> privateUseSchemes,
        List<String> softwareStatementIssuers,
        String source) implements EventPayload {
}
