package dev.registrar.anomaly;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the detector decides and where its alerts go.
 *
 * @param alertsTopic     the topic alerts are published to, keyed by alert id
 * @param window          the length of a counting window
 * @param advance         how far each hopping window moves on; the window must be a whole number of advances
 * @param grace           how late an event may arrive and still be counted in its window
 * @param baselineWindows how many whole windows before the current one the baseline learns from
 * @param smoothing       the EWMA weight of the most recent window in the baseline (0–1)
 * @param cooldown        a breach this soon after the last one updates the open alert instead of raising a new one
 * @param updateInterval  an open alert is republished with its new peak at most this often
 * @param thresholds      the thresholds of every signal without its own entry in {@code signals}
 * @param signals         thresholds per signal name (e.g. {@code registrations-per-software}), overriding {@code thresholds}
 * @param scopeHistory    registrations a software must have before a scope new to it raises an alert
 * @param webhooks        where alerts are delivered when they open
 * @param delivery        how often and how patiently each webhook is tried
 */
@Validated
@ConfigurationProperties("registrar.anomaly")
public record AnomalyProperties(
        @NotBlank @DefaultValue("registrar.alerts") String alertsTopic,
        @NotNull @DefaultValue("60s") Duration window,
        @NotNull @DefaultValue("10s") Duration advance,
        @NotNull @DefaultValue("30s") Duration grace,
        @Min(1) @DefaultValue("30") int baselineWindows,
        @DecimalMin("0.01") @DecimalMax("1.0") @DefaultValue("0.3") double smoothing,
        @NotNull @DefaultValue("10m") Duration cooldown,
        @NotNull @DefaultValue("10s") Duration updateInterval,
        @Valid @DefaultValue Thresholds thresholds,
        Map<String, @Valid Thresholds> signals,
        @Min(1) @DefaultValue("3") long scopeHistory,
        List<@Valid Webhook> webhooks,
        @Valid @DefaultValue Delivery delivery) {

    public AnomalyProperties {
        signals = signals == null ? Map.of() : Map.copyOf(signals);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    @AssertTrue(message = "the window must be a whole number of advances")
    boolean isWindowAWholeNumberOfAdvances() {
        return window.toMillis() % advance.toMillis() == 0;
    }

    Thresholds thresholdsFor(Signal signal) {
        return signals.getOrDefault(signal.id(), thresholds);
    }

    /** How long counted windows are kept: the baseline reads the whole windows before the current one. */
    Duration windowRetention() {
        return window.multipliedBy(baselineWindows + 1L).plus(grace);
    }

    /**
     * A window breaches when its count reaches {@code absolute}, or when it reaches {@code minCount}
     * and exceeds {@code factor} times the baseline, the baseline being at least {@code floor}.
     */
    public record Thresholds(
            @DecimalMin("1.0") @DefaultValue("5.0") double factor,
            @DecimalMin("0.0") @DefaultValue("5.0") double floor,
            @Min(1) @DefaultValue("20") long minCount,
            @Min(1) @DefaultValue("1000") long absolute) {

        double limit(double baseline) {
            return factor * Math.max(baseline, floor);
        }

        boolean breachedBy(long count, double baseline) {
            return count >= absolute || (count >= minCount && count > limit(baseline));
        }
    }

    /**
     * @param name   how the webhook is named in delivery records
     * @param url    where alerts are POSTed
     * @param format {@code json} (the alert as published) or {@code slack} (a Slack incoming-webhook body)
     */
    public record Webhook(@NotBlank String name, @NotNull URI url, @NotNull @DefaultValue("json") WebhookFormat format) {
    }

    public enum WebhookFormat { JSON, SLACK }

    /**
     * @param attempts       tries per webhook and alert before the delivery is recorded as failed
     * @param initialBackoff the pause after the first failed try; it doubles after each
     * @param timeout        how long one try may take
     */
    public record Delivery(
            @Min(1) @DefaultValue("5") int attempts,
            @NotNull @DefaultValue("1s") Duration initialBackoff,
            @NotNull @DefaultValue("5s") Duration timeout) {
    }
}
