package dev.registrar.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.events.Actor;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.EventPayload;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The envelope reader against Jackson's own, which follows the annotations on {@link EventEnvelope}:
 * random envelopes of every payload type must read the same through both.
 */
class EnvelopeJsonTest {

    private static final List<String> TEXTS = List.of("dev", "claude-desktop", "mcp:tools read:customer_data", "ä \"quoted\" \\ ✓", "");

    private final ObjectMapper annotated = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper reader = withEnvelopeReader();
    private final Random random = new Random(7);

    private static ObjectMapper withEnvelopeReader() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new EnvelopeJson().envelopeReader().customize(builder);
        return builder.build();
    }

    @Test
    void readsRandomEnvelopesOfEveryPayloadTypeAsJacksonsOwnReaderDoes() throws Exception {
        for (Class<?> payloadType : EventPayload.class.getPermittedSubclasses()) {
            for (int i = 0; i < 200; i++) {
                EventEnvelope envelope = envelope((EventPayload) randomValue(payloadType, 0));
                String written = annotated.writeValueAsString(envelope);

                EventEnvelope read = reader.readValue(written, EventEnvelope.class);

                assertThat(read).isEqualTo(annotated.readValue(written, EventEnvelope.class)).isEqualTo(envelope);
                assertThat(reader.readValue(written.getBytes(), EventEnvelope.class)).isEqualTo(envelope);
            }
        }
    }

    @Test
    void readsThePayloadWrittenBeforeItsType() throws Exception {
        for (Class<?> payloadType : EventPayload.class.getPermittedSubclasses()) {
            EventEnvelope envelope = envelope((EventPayload) randomValue(payloadType, 0));
            ObjectNode written = annotated.valueToTree(envelope);
            ObjectNode payloadFirst = annotated.createObjectNode();
            payloadFirst.set("payload", written.remove("payload"));
            payloadFirst.setAll(written);

            assertThat(reader.readValue(annotated.writeValueAsString(payloadFirst), EventEnvelope.class)).isEqualTo(envelope);
        }
    }

    @Test
    void passesOverFieldsItDoesNotKnowAsTheServicesMapperDoes() throws Exception {
        EventEnvelope envelope = envelope((EventPayload) randomValue(EventPayload.class.getPermittedSubclasses()[0], 0));
        ObjectNode written = annotated.valueToTree(envelope);
        written.putObject("addedLater").put("nested", true);
        written.put("anotherAddition", 3);

        assertThat(reader.readValue(annotated.writeValueAsString(written), EventEnvelope.class)).isEqualTo(envelope);
    }

    @Test
    void refusesATypeNoPayloadHasAndAPayloadWithoutType() throws Exception {
        ObjectNode written = annotated.valueToTree(envelope((EventPayload) randomValue(EventPayload.class.getPermittedSubclasses()[0], 0)));
        String unknownType = annotated.writeValueAsString(written.deepCopy().put("type", "client.teleported"));
        written.remove("type");
        String withoutType = annotated.writeValueAsString(written);

        assertThatThrownBy(() -> reader.readValue(unknownType, EventEnvelope.class)).isInstanceOf(InvalidTypeIdException.class);
        assertThatThrownBy(() -> reader.readValue(withoutType, EventEnvelope.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> reader.readValue("[1,2]", EventEnvelope.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void readsAnEnvelopeWithoutPayloadAndNullsWhereTheRecordHasThem() throws Exception {
        EventEnvelope empty = new EventEnvelope(null, "client.deleted", 0, null, null, null, 0, null, null, null);

        assertThat(reader.readValue(annotated.writeValueAsString(empty), EventEnvelope.class)).isEqualTo(empty);
        assertThat(reader.readValue("{}", EventEnvelope.class)).isEqualTo(new EventEnvelope(null, null, 0, null, null, null, 0, null, null, null));
    }

    private EventEnvelope envelope(EventPayload payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), payload.wireType(), 1 + random.nextInt(3), text(), "client", text(),
                random.nextInt(1_000), instant(), new Actor(text(), text(), text()), payload);
    }

    /** A random value of a payload's component type; nested records and lists of them too, nulls among them. */
    private Object randomValue(Type type, int depth) throws Exception {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            List<Object> values = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                values.add(randomValue(list.getActualTypeArguments()[0], depth + 1));
            }
            return values;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return random.nextInt();
        }
        if (raw == long.class || raw == Long.class) {
            return random.nextLong();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        }
        if (raw == String.class) {
            return random.nextInt(8) == 0 ? null : text();
        }
        if (raw == Instant.class) {
            return random.nextInt(8) == 0 ? null : instant();
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = randomValue(components[i].getGenericType(), depth + 1);
                types[i] = components[i].getType();
            }
            return raw.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalArgumentException("no random values of " + type + " yet");
    }

    private String text() {
        return TEXTS.get(random.nextInt(TEXTS.size())) + random.nextInt(1_000);
    }

    private Instant instant() {
        return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000), random.nextInt(4) * 250_000_000L);
    }
}
