package dev.registrar.anomaly;

import dev.registrar.events.EventEnvelope;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads each record as an event envelope and lets each event id through once within the retention
 * of the counting windows: the publisher delivers at least once, and a replay republishes
 * everything, so a redelivered registration must not be counted twice in a window that is still open. Events older than that fall outside every
 * open window anyway. A redelivery carries the same key, so it reaches the same task and store.
 */
final class EventDeduplicator implements Processor<String, byte[], String, EventEnvelope> {

    static final String SEEN = "seen-event-ids";

    private final DetectedFacts facts;
    private final Duration remembered;
    private ProcessorContext<String, EventEnvelope> context;
    private WindowStore<String, Long> seen;

    EventDeduplicator(DetectedFacts facts, Duration remembered) {
        this.facts = facts;
        this.remembered = remembered;
    }

    @Override
    public void init(ProcessorContext<String, EventEnvelope> context) {
        this.context = context;
        this.seen = context.getStateStore(SEEN);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (!DetectedFacts.mayBeWatched(record.headers())) {
            return;
        }
        Optional<EventEnvelope> event = facts.read(record.value());
        if (event.isEmpty() || !DetectedFacts.watched(event.get())) {
            return;
        }
        String eventId = event.get().eventId();
        long at = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, at - remembered.toMillis(), at + remembered.toMillis())) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(eventId, at, at);
        context.forward(record.withValue(event.get()));
    }
}
