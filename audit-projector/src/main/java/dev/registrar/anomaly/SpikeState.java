package dev.registrar.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the detector remembers of one signal's subject between records: the baselines of the
 * windows still open (each learned from the whole windows before it, computed once) and the alert
 * it has open, if any.
 *
 * @param baselines     by window start (epoch ms): the EWMA of the whole windows before it
 * @param alertId       the open alert; null when none was ever raised
 * @param alertBaseline the baseline the alert opened against; while the alert is open, windows are judged by it, so the
 *                      spike itself does not raise the bar it is measured by
 * @param lastBreachAt  when a window last breached; the alert stays open for the cooldown after it
 * @param peak          the highest window count of the open alert, and the start of that window (epoch ms)
 * @param published     the revision last published, with the peak and time it carried
 */
record SpikeState(
        Map<Long, Double> baselines,
        String alertId,
        Instant openedAt,
        Instant lastBreachAt,
        double alertBaseline,
        long peak,
        long peakWindow,
        long published,
        long publishedPeak,
        Instant publishedAt) {

    static final SpikeState NONE = new SpikeState(Map.of(), null, null, null, 0, 0, 0, 0, 0, null);

    SpikeState {
        baselines = Map.copyOf(baselines);
    }

    /** The baselines with one more window's, forgetting those of windows that closed before {@code oldestOpen}. */
    SpikeState withBaseline(long windowStart, double learned, long oldestOpen) {
        Map<Long, Double> kept = new HashMap<>();
        baselines.forEach((start, baseline) -> {
            if (start >= oldestOpen) {
                kept.put(start, baseline);
            }
        });
        kept.put(windowStart, learned);
        return new SpikeState(kept, alertId, openedAt, lastBreachAt, alertBaseline, peak, peakWindow, published, publishedPeak,
                publishedAt);
    }

    boolean hasOpenAlertAt(Instant at, Duration cooldown) {
        return alertId != null && !at.isAfter(lastBreachAt.plus(cooldown));
    }

    SpikeState opened(String id, Instant at, double baseline, long count, long windowStart) {
        return new SpikeState(baselines, id, at, at, baseline, count, windowStart, 0, 0, null);
    }

    SpikeState breachedAgain(Instant at, long count, long windowStart) {
        Instant last = at.isAfter(lastBreachAt) ? at : lastBreachAt;
        boolean higher = count > peak;
        return new SpikeState(baselines, alertId, openedAt, last, alertBaseline, higher ? count : peak, higher ? windowStart : peakWindow,
                published, publishedPeak, publishedAt);
    }

    /** Whether the alert has news worth publishing: it was never published, or its peak rose and the update interval passed. */
    boolean dueForPublishing(Instant at, Duration updateInterval) {
        return published == 0 || (peak > publishedPeak && !at.isBefore(publishedAt.plus(updateInterval)));
    }

    SpikeState publishedAt(Instant at) {
        return new SpikeState(baselines, alertId, openedAt, lastBreachAt, alertBaseline, peak, peakWindow, published + 1, peak, at);
    }
}
