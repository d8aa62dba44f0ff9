package dev.registrar.projector;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param topic          the event topic registry-service publishes to
 * @param deadLetterTopic where records that cannot be read as an event envelope go, with the reason
 * @param replicas       replicas of each index; 0 on a single-node cluster
 * @param maxRetryInterval the longest pause between retries of a failed bulk write; retries never give up
 * @param eventLogMonths   how many months of the event log to keep; older monthly indices are dropped whole
 * @param tokenMonths      how many months of token issuances to keep
 * @param retentionInterval how often retention runs (also once at start)
 * @param compactionInterval how often to look for monthly indices of past months to merge into one segment; an index is
 *                           merged once it had no writes for one whole interval
 */
@Validated
@ConfigurationProperties("registrar.projector")
record ProjectorProperties(
        @NotBlank @DefaultValue("registrar.events") String topic,
        @NotBlank @DefaultValue("registrar.events.dlt") String deadLetterTopic,
        @Min(0) @DefaultValue("0") int replicas,
        @DefaultValue("30s") Duration maxRetryInterval,
        @Min(1) @DefaultValue("24") int eventLogMonths,
        @Min(1) @DefaultValue("13") int tokenMonths,
        @DefaultValue("1d") Duration retentionInterval,
        @DefaultValue("1h") Duration compactionInterval) {
}
