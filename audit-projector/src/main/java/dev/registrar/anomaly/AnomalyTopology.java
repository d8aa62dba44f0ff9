package dev.registrar.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.events.EventEnvelope;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The detector's topology. Events are read once, deduplicated by event id, then fan out: counted
 * per signal and subject in hopping windows and judged against their baselines, and followed per
 * software for scopes it never asked for. Both publish to the alerts topic.
 */
final class AnomalyTopology {

    private AnomalyTopology() {
    }

    static KStream<String, EventEnvelope> build(StreamsBuilder builder, AnomalyProperties anomaly, ObjectMapper json, String eventsTopic) {
        Duration retention = anomaly.windowRetention();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(EventDeduplicator.SEEN, retention, retention, false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SpikeDetector.STATES), Serdes.String(), JsonSerdes.of(SpikeState.class, json)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ScopeNoveltyDetector.KNOWN_SCOPES), Serdes.String(), JsonSerdes.of(KnownScopes.class, json)));
        Serde<Alert> alerts = JsonSerdes.of(Alert.class, json);
        DetectedFacts facts = new DetectedFacts(json);

        // Values stay bytes until the deduplicator has looked at the type header: most records are
        // token facts, which no signal watches, and decoding each to a String was about a tenth of
        // the detector's CPU samples while a replay streamed past.
        KStream<String, EventEnvelope> events = builder
                .stream(eventsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
                .process(() -> new EventDeduplicator(facts, retention), Named.as("deduplicate"), EventDeduplicator.SEEN);

        events.flatMap((key, event) -> DetectedFacts.observationsOf(event).stream()
                        .map(observation -> KeyValue.pair(observation.key(), event.eventId())).toList(), Named.as("observe"))
                .groupByKey(Grouped.with("observations", Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(anomaly.window(), anomaly.grace()).advanceBy(anomaly.advance()))
                .count(Named.as("count"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(SpikeDetector.COUNTS)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()).withRetention(retention))
                .toStream(Named.as("window-counts"))
                .process(() -> new SpikeDetector(anomaly), Named.as("judge-spikes"), SpikeDetector.COUNTS, SpikeDetector.STATES)
                .to(anomaly.alertsTopic(), Produced.with(Serdes.String(), alerts).withName("spike-alerts"));

        events.flatMap((key, event) -> DetectedFacts.scopeRequestOf(event).stream()
                        .map(request -> KeyValue.pair(request.key(), request)).toList(), Named.as("scope-requests"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerdes.of(ScopeRequest.class, json)).withName("scope-requests-by-software"))
                .process(() -> new ScopeNoveltyDetector(anomaly), Named.as("judge-scopes"), ScopeNoveltyDetector.KNOWN_SCOPES)
                .to(anomaly.alertsTopic(), Produced.with(Serdes.String(), alerts).withName("scope-alerts"));
        return events;
    }
}
