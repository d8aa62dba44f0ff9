package dev.registrar.anomaly;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Judges every update of a window's count against the baseline learned from the whole windows
 * before it: an exponentially weighted moving average over {@code baselineWindows} windows, read
 * back from the counting store once per window, with a floor so a quiet subject does not alert on
 * its first few events. A breach opens an alert, or updates the open one while breaches keep coming
 * within the cooldown; meanwhile windows are judged by the baseline the alert opened against. Alert
 * ids derive from the subject and the first breached window, so a record processed again after a
 * crash yields the same alert, never a second one.
 */
final class SpikeDetector implements Processor<Windowed<String>, Long, String, Alert> {

    static final String COUNTS = "signal-counts";
    static final String STATES = "spike-states";

    private final AnomalyProperties properties;
    private ProcessorContext<String, Alert> context;
    private TimestampedWindowStore<String, Long> counts;
    private KeyValueStore<String, SpikeState> states;

    SpikeDetector(AnomalyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.counts = context.getStateStore(COUNTS);
        this.states = context.getStateStore(STATES);
    }

    @Override
    public void process(Record<Windowed<String>, Long> update) {
        String key = update.key().key();
        long windowStart = update.key().window().start();
        long count = update.value() == null ? 0 : update.value();
        Observation observation = Observation.ofKey(key);
        AnomalyProperties.Thresholds thresholds = properties.thresholdsFor(observation.signal());

        SpikeState stored = states.get(key);
        SpikeState before = stored == null ? SpikeState.NONE : stored;
        SpikeState state = before.baselines().containsKey(windowStart) ? before
                : before.withBaseline(windowStart, baselineBefore(key, windowStart), windowStart - properties.window().toMillis());
        Instant at = Instant.ofEpochMilli(update.timestamp());
        boolean open = state.hasOpenAlertAt(at, properties.cooldown());
        double baseline = open ? state.alertBaseline() : state.baselines().get(windowStart);
        if (thresholds.breachedBy(count, baseline)) {
            state = open ? state.breachedAgain(at, count, windowStart)
                    : state.opened(alertId(key, windowStart), at, baseline, count, windowStart);
            if (state.dueForPublishing(at, properties.updateInterval())) {
                state = state.publishedAt(at);
                context.forward(new Record<>(state.alertId(), alertOf(observation, state, thresholds, at), update.timestamp()));
            }
        }
        if (!state.equals(before)) {
            states.put(key, state);
        }
    }

    private double baselineBefore(String key, long windowStart) {
        long window = properties.window().toMillis();
        double alpha = properties.smoothing();
        double baseline = Double.NaN;
        for (int back = properties.baselineWindows(); back >= 1; back--) {
            ValueAndTimestamp<Long> counted = counts.fetch(key, windowStart - back * window);
            long count = counted == null || counted.value() == null ? 0 : counted.value();
            baseline = Double.isNaN(baseline) ? count : alpha * count + (1 - alpha) * baseline;
        }
        return baseline;
    }

    private Alert alertOf(Observation observation, SpikeState state, AnomalyProperties.Thresholds thresholds, Instant at) {
        Duration window = properties.window();
        double limit = thresholds.limit(state.alertBaseline());
        String subject = observation.signal().subjectName() + "=" + observation.subject();
        String summary = "%d %s for %s of tenant %s within %d s (baseline %.1f, limit %.1f)".formatted(state.peak(),
                observation.signal().countedThings(), subject, observation.tenant(), window.toSeconds(), state.alertBaseline(),
                limit);
        Instant windowStart = Instant.ofEpochMilli(state.peakWindow());
        return new Alert(state.alertId(), observation.signal().alertKind(), observation.signal().id(), observation.tenant(), subject,
                summary, state.peak(), state.alertBaseline(), limit, windowStart, windowStart.plus(window), List.of(),
                state.openedAt(), at, state.published());
    }

    private static String alertId(String key, long windowStart) {
        return UUID.nameUUIDFromBytes((key + "@" + windowStart).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
