package dev.registrar.publishing;

import dev.registrar.errors.Conflict;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Republishes the whole event store to Kafka, from the first event, by resetting the publisher's
 * tracking token. The projector's writes are idempotent (event ids, token ids, versioned client
 * states), so a replay rebuilds every index without counting anything twice.
 */
@Component
class Replay {

    /** Where the publisher is: the position of the last event it published, and the store's head. */
    record Progress(boolean replaying, long position, long head) {

        int percent() {
            return head <= 0 ? 100 : (int) Math.min(100, position * 100 / head);
        }
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    Replay(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    Progress start() {
        TrackingEventProcessor publisher = publisher();
        if (publisher.isReplaying()) {
            throw new Conflict("a replay is already running");
        }
        publisher.shutDown();
        publisher.resetTokens();
        publisher.start();
        return progress();
    }

    Progress progress() {
        TrackingEventProcessor publisher = publisher();
        long position = publisher.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(0);
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        return new Progress(publisher.isReplaying(), position, head);
    }

    private TrackingEventProcessor publisher() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("the " + KafkaEventPublisher.PROCESSING_GROUP + " processor is not a tracking processor"));
    }
}
