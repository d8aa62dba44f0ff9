package dev.registrar.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.events.Actor;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.EventPayload;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The detector passes over records by their type header before reading them. If a signal learns to
 * watch a new kind of event and the header filter is not told, those events would be dropped
 * unread, with no error anywhere: this test reads every kind of event, every field filled, and
 * holds the filter to what the signals actually watch.
 */
class DetectedFactsTest {

    @Test
    void theTypeHeaderLetsThroughExactlyTheEventsASignalWatches() throws ReflectiveOperationException {
        List<String> watched = new ArrayList<>();
        List<String> passedByHeader = new ArrayList<>();
        for (Class<?> type : EventPayload.class.getPermittedSubclasses()) {
            EventPayload payload = (EventPayload) sample(type);
            EventEnvelope event = new EventEnvelope("event-1", payload.wireType(), payload.schemaVersion(), "tenant-a", "client",
                    "client-1", 0, Instant.EPOCH, new Actor("anonymous", "", "192.0.2.1"), payload);
            if (DetectedFacts.watched(event)) {
                watched.add(payload.wireType());
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(EventEnvelope.TYPE_HEADER, payload.wireType().getBytes(StandardCharsets.UTF_8));
            if (DetectedFacts.mayBeWatched(headers)) {
                passedByHeader.add(payload.wireType());
            }
        }

        assertThat(watched).isNotEmpty();
        assertThat(passedByHeader).containsExactlyInAnyOrderElementsOf(watched);
    }

    @Test
    void aRecordWithoutTheTypeHeaderIsRead() {
        assertThat(DetectedFacts.mayBeWatched(new RecordHeaders())).isTrue();
    }

    /** An instance of a record with every field filled, so no signal skips it for a missing value. */
    private static Object sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getGenericType());
        }
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(parameterTypes).newInstance(values);
    }

    private static Object value(Class<?> type, Type genericType) throws ReflectiveOperationException {
        if (type == String.class) {
            return "sample";
        } else if (type == Instant.class) {
            return Instant.EPOCH;
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == List.class && genericType instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return List.of(value(element, element));
        } else if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("no sample value for " + genericType);
    }
}
