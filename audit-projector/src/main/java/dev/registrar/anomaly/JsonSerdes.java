package dev.registrar.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.kafka.support.serializer.JsonSerde;

/** JSON serdes for the detector's stores and topics: plain JSON, no type headers, so other consumers read it as it is. */
final class JsonSerdes {

    private JsonSerdes() {
    }

    static <T> Serde<T> of(Class<T> type, ObjectMapper json) {
        return new JsonSerde<>(type, json).noTypeInfo().ignoreTypeHeaders();
    }
}
