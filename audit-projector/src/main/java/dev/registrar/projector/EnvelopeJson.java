package dev.registrar.projector;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.registrar.events.Actor;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.EventPayload;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projector and the anomaly detector read records of the event topic as envelopes with this
 * reader. Jackson's own, following the envelope's external type id, copies each payload into a
 * buffer before reading it, even when the type came first, and looks up the payload's reader for
 * every record (a token envelope took 5–6 µs; with this reader 3.5). This one takes the payload's
 * reader from the type when the publisher wrote the type first, as it does, and buffers only otherwise.
 */
@Configuration(proxyBeanMethods = false)
class EnvelopeJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer envelopeReader() {
        return builder -> builder.deserializerByType(EventEnvelope.class, new Reader());
    }

    /**
     * Registered unresolved; the mapper asks it once for a contextual copy, which holds the readers of
     * its parts, so no record looks them up in the mapper's cache.
     */
    static final class Reader extends StdDeserializer<EventEnvelope> implements ContextualDeserializer {

        private static final Map<String, Class<? extends EventPayload>> PAYLOADS = Arrays.stream(EventPayload.class.getPermittedSubclasses())
                .map(type -> type.asSubclass(EventPayload.class))
                .collect(Collectors.toUnmodifiableMap(EventPayload::wireTypeOf, type -> type));

        private final JsonDeserializer<Object> instants;
        private final JsonDeserializer<Object> actors;
        private final Map<String, JsonDeserializer<Object>> payloads;

        Reader() {
            this(null, null, Map.of());
        }

        private Reader(JsonDeserializer<Object> instants, JsonDeserializer<Object> actors, Map<String, JsonDeserializer<Object>> payloads) {
            super(EventEnvelope.class);
            this.instants = instants;
            this.actors = actors;
            this.payloads = payloads;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            Map<String, JsonDeserializer<Object>> resolvedPayloads = new HashMap<>();
            for (Map.Entry<String, Class<? extends EventPayload>> payload : PAYLOADS.entrySet()) {
                resolvedPayloads.put(payload.getKey(), reader(context, payload.getValue()));
            }
            return new Reader(reader(context, Instant.class), reader(context, Actor.class), Map.copyOf(resolvedPayloads));
        }

        private static JsonDeserializer<Object> reader(DeserializationContext context, Class<?> type) throws JsonMappingException {
            return context.findRootValueDeserializer(context.constructType(type));
        }

        @Override
        public EventEnvelope deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.hasToken(JsonToken.START_OBJECT)) {
                json.nextToken();
            } else if (!json.hasToken(JsonToken.FIELD_NAME) && !json.hasToken(JsonToken.END_OBJECT)) {
                return (EventEnvelope) context.handleUnexpectedToken(EventEnvelope.class, json);
            }
            String eventId = null;
            String type = null;
            int schemaVersion = 0;
            String tenant = null;
            String aggregateType = null;
            String aggregateId = null;
            long aggregateSequence = 0;
            Instant occurredAt = null;
            Actor actor = null;
            EventPayload payload = null;
            TokenBuffer payloadBeforeType = null;
            for (; json.hasToken(JsonToken.FIELD_NAME); json.nextToken()) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(json, context);
                    case "type" -> type = text(json, context);
                    case "schemaVersion" -> schemaVersion = _parseIntPrimitive(json, context);
                    case "tenant" -> tenant = text(json, context);
                    case "aggregateType" -> aggregateType = text(json, context);
                    case "aggregateId" -> aggregateId = text(json, context);
                    case "aggregateSequence" -> aggregateSequence = _parseLongPrimitive(json, context);
                    case "occurredAt" -> occurredAt = (Instant) read(instants, json, context);
                    case "actor" -> actor = (Actor) read(actors, json, context);
                    case "payload" -> {
                        if (json.hasToken(JsonToken.VALUE_NULL)) {
                            payload = null;
                        } else if (type != null) {
                            payload = (EventPayload) read(payloadReader(type, json, context), json, context);
                        } else {
                            payloadBeforeType = context.bufferAsCopyOfValue(json);
                        }
                    }
                    default -> handleUnknownProperty(json, context, EventEnvelope.class, field);
                }
            }
            if (payloadBeforeType != null) {
                if (type == null) {
                    return context.reportInputMismatch(EventEnvelope.class, "Missing external type id property 'type' of the payload");
                }
                try (JsonParser buffered = payloadBeforeType.asParserOnFirstToken()) {
                    payload = (EventPayload) read(payloadReader(type, json, context), buffered, context);
                }
            }
            return new EventEnvelope(eventId, type, schemaVersion, tenant, aggregateType, aggregateId, aggregateSequence, occurredAt,
                    actor, payload);
        }

        private static String text(JsonParser json, DeserializationContext context) throws IOException {
            if (json.hasToken(JsonToken.VALUE_STRING)) {
                return json.getText();
            }
            return json.hasToken(JsonToken.VALUE_NULL) ? null : context.readValue(json, String.class);
        }

        private static Object read(JsonDeserializer<Object> reader, JsonParser json, DeserializationContext context) throws IOException {
            return json.hasToken(JsonToken.VALUE_NULL) ? reader.getNullValue(context) : reader.deserialize(json, context);
        }

        private JsonDeserializer<Object> payloadReader(String type, JsonParser json, DeserializationContext context)
                throws InvalidTypeIdException {
            JsonDeserializer<Object> reader = payloads.get(type);
            if (reader == null) {
                throw InvalidTypeIdException.from(json, "Could not resolve type id '" + type + "' as a subtype of the event payload",
                        context.constructType(EventPayload.class), type);
            }
            return reader;
        }
    }
}
