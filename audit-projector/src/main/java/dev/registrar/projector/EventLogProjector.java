package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.registrar.events.EventEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes each batch of events with one bulk request: every event into the event log under its
 * event id, token facts into the token index under the token id, security events into the
 * security index under their event id, each key's use per operation into the key-usage index, so a
 * redelivered event overwrites itself instead of adding a
 * copy; and each client's current state into the clients index, versioned by its aggregate sequence. The document is the record exactly as
 * published, so a projector older than the publisher keeps every field it does not know yet. The listener returns, and Kafka's offsets are
 * committed, only after every item of the bulk succeeded; otherwise the batch is retried.
 * A record that is not a readable envelope goes to the dead-letter topic with the reason.
 */
@Component
class EventLogProjector {

    private static final Logger log = LoggerFactory.getLogger(EventLogProjector.class);

    /** What Elasticsearch calls a write that external versioning refused. */
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final ElasticsearchClient elasticsearch;
    private final BulkWriter bulkWriter;
    private final KafkaTemplate<String, String> deadLetters;
    private final ProjectorProperties properties;
    private final ObjectReader envelopes;
    private final Counter indexed;
    private final Counter deadLettered;
    private final Counter failedBulks;

    EventLogProjector(ElasticsearchClient elasticsearch, BulkWriter bulkWriter, KafkaTemplate<String, String> deadLetters,
                      ProjectorProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.elasticsearch = elasticsearch;
        this.bulkWriter = bulkWriter;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.envelopes = json.readerFor(EventEnvelope.class);
        this.indexed = meters.counter("registrar.projector.events", "outcome", "indexed");
        this.deadLettered = meters.counter("registrar.projector.events", "outcome", "dead-lettered");
        this.failedBulks = meters.counter("registrar.projector.bulk.failures");
    }

    /** One consumer per partition of the topic, so bulk requests overlap; a client's events stay in one partition, in order. */
    @KafkaListener(id = "event-log", idIsGroup = false, topics = "${registrar.projector.topic:registrar.events}", batch = "true",
            concurrency = "${registrar.projector.consumers:3}")
    void project(List<ConsumerRecord<String, String>> records)
            throws IOException, ExecutionException, InterruptedException, TimeoutException {
        BulkBody bulk = bulkWriter.body();
        List<EventEnvelope> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<EventEnvelope> envelope = read(record);
            if (envelope.isPresent()) {
                EventEnvelope event = envelope.get();
                events.add(event);
                bulk.indexJson(EventLogIndex.indexFor(event), event.eventId(), record.value());
                TokenProjection.write(event, bulk);
                SecurityProjection.write(event, bulk);
                KeyUsageIndex.write(event, bulk);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        List<BulkWriter.ItemError> errors;
        try {
            ClientStateProjection.write(events, elasticsearch, bulk);
            errors = bulkWriter.write(bulk);
        } catch (IOException | RuntimeException unavailable) {
            failedBulks.increment();
            throw unavailable;
        }
        List<BulkWriter.ItemError> failed = errors.stream().filter(error -> !isStale(error)).toList();
        if (!failed.isEmpty()) {
            failedBulks.increment();
            List<String> reasons = failed.stream()
                    .map(error -> error.type() + ": " + error.reason())
                    .distinct()
                    .toList();
            throw new BulkWriteFailed(reasons);
        }
        indexed.increment(events.size());
    }

    /** A client state older than the one stored: external versioning refused it, as intended. */
    private static boolean isStale(BulkWriter.ItemError error) {
        return ClientIndex.NAME.equals(error.index()) && VERSION_CONFLICT.equals(error.type());
    }

    private Optional<EventEnvelope> read(ConsumerRecord<String, String> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        String reason;
        try {
            EventEnvelope envelope = envelopes.readValue(record.value());
            if (envelope != null && envelope.eventId() != null && envelope.occurredAt() != null) {
                return Optional.of(envelope);
            }
            reason = "not an event envelope: eventId or occurredAt missing";
        } catch (IOException | IllegalArgumentException unreadable) {
            reason = "not a readable event envelope: " + unreadable.getClass().getSimpleName();
        }
        log.warn("record {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(), properties.deadLetterTopic(), reason);
        ProducerRecord<String, String> deadLetter = new ProducerRecord<>(properties.deadLetterTopic(), record.key(), record.value());
        deadLetter.headers()
                .add("registrar.dlt.reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("registrar.dlt.source", (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        deadLetters.send(deadLetter).get(10, TimeUnit.SECONDS);
        deadLettered.increment();
        return Optional.empty();
    }

    /** Some items of a bulk write failed; the whole batch is retried, which is harmless as writes are idempotent. */
    static final class BulkWriteFailed extends RuntimeException {
        BulkWriteFailed(List<String> reasons) {
            super("bulk write to Elasticsearch failed for some items: " + reasons);
        }
    }
}
