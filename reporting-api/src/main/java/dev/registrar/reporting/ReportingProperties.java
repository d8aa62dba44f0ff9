package dev.registrar.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param auditorApiKey     an auditor key from the configuration, which sees every tenant (optional: keys issued
 *                          by registry-service's admin API are asked of it)
 * @param eventIndexPattern the indices of the event log the projector writes
 * @param tokenIndexPattern the indices of token issuances the projector writes
 * @param securityIndexPattern the indices of security events the projector writes
 * @param clientIndex       the index of each client's current state the projector writes
 * @param alertIndexPattern the indices of the anomaly detector's alerts
 * @param keyUsageIndexPattern the indices of every key's use the projector writes
 * @param maxTimelineEvents the most events one timeline response returns
 * @param registryUrl       registry-service: asked who an auditor key belongs to, and for the event store's counts
 */
@Validated
@ConfigurationProperties("registrar.reporting")
record ReportingProperties(
        String auditorApiKey,
        @NotBlank @DefaultValue("registrar-events-*") String eventIndexPattern,
        @NotBlank @DefaultValue("registrar-tokens-*") String tokenIndexPattern,
        @NotBlank @DefaultValue("registrar-security-*") String securityIndexPattern,
        @NotBlank @DefaultValue("registrar-clients") String clientIndex,
        @NotBlank @DefaultValue("registrar-alerts-*") String alertIndexPattern,
        @NotBlank @DefaultValue("registrar-key-usage-*") String keyUsageIndexPattern,
        @Min(1) @Max(10_000) @DefaultValue("1000") int maxTimelineEvents,
        URI registryUrl) {

    /** The auditor key of the configuration, where one is set. */
    Optional<String> configuredAuditorKey() {
        return Optional.ofNullable(auditorApiKey).filter(key -> !key.isBlank());
    }

    @Override
    public String toString() {
        return "ReportingProperties[auditorApiKey=(hidden), eventIndexPattern=" + eventIndexPattern
                + ", tokenIndexPattern=" + tokenIndexPattern + ", securityIndexPattern=" + securityIndexPattern + ", clientIndex=" + clientIndex + ", alertIndexPattern=" + alertIndexPattern + ", keyUsageIndexPattern=" + keyUsageIndexPattern
                + ", maxTimelineEvents=" + maxTimelineEvents + ", registryUrl=" + registryUrl + "]";
    }
}
