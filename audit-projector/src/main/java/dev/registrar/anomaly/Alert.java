package dev.registrar.anomaly;

import java.time.Instant;
import java.util.List;

/**
 * An anomaly, as published on the alerts topic (keyed by its id) and indexed. One alert lives as
 * long as its anomaly does: a breach within the cooldown republishes it with a higher
 * {@code revision} and the new peak, so a sustained spike is one alert that is updated.
 *
 * @param alertId     stable for the alert's life, derived from its signal, subject and first breached window
 * @param kind        {@code registration-spike}, {@code rejected-registration-spike}, {@code failed-authentication-spike}
 *                    or {@code unusual-scope}
 * @param signal      the signal that breached, e.g. {@code registrations-per-software}
 * @param subject     what it is about, e.g. {@code software_id=claude-code}
 * @param count       the highest count of one window so far (for unusual-scope: registrations of the software so far)
 * @param baseline    the learned baseline of a window when the peak was seen
 * @param threshold   the count the window had to exceed
 * @param windowStart the window of the peak
 * @param scopes      for unusual-scope: the scopes the software had never asked for
 * @param revision    1 when the alert opens, then one more at each update
 */
public record Alert(
        String alertId,
        String kind,
        String signal,
        String tenant,
        String subject,
        String summary,
        long count,
        double baseline,
        double threshold,
        Instant windowStart,
        Instant windowEnd,
        List<String> scopes,
        Instant openedAt,
        Instant updatedAt,
        long revision) {
}
