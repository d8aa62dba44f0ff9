package dev.registrar.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final EventEnvelope envelope = new EventEnvelope("e-1", "client.registered", 1, "dev", "client", "c-1", 0,
            Instant.parse("2026-11-22T10:00:00Z"), new Actor("anonymous", "", "127.0.0.1"),
            new ClientRegisteredPayload("c-1", "dev", new ClientMetadataPayload("Claude", List.of("http://127.0.0.1/callback"),
                    List.of("authorization_code"), List.of("code"), "none", "native", List.of("mcp:tools"), "claude", "1.2.3",
                    null, null, null, null, List.of(), null), "dcr", 0, null, null,
                    Instant.parse("2026-11-22T10:00:00Z"), null, null));

    @Test
    void envelopeCarriesTheWireTypeOnceAndThePayloadWithoutTypeNoise() throws Exception {
        JsonNode written = json.readTree(json.writeValueAsString(envelope));

        assertThat(written.get("type").asText()).isEqualTo("client.registered");
        assertThat(written.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(written.get("occurredAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(written.get("payload").has("type")).isFalse();
        assertThat(written.get("payload").has("wireType")).isFalse();
        assertThat(written.at("/payload/metadata/softwareVersion").asText()).isEqualTo("1.2.3");
    }

    @Test
    void envelopeReadsBackIntoTheTypedPayloadItsTypeNames() throws Exception {
        EventEnvelope read = json.readValue(json.writeValueAsString(envelope), EventEnvelope.class);

        assertThat(read).isEqualTo(envelope);
        assertThat(read.payload()).isInstanceOf(ClientRegisteredPayload.class);
    }

    @Test
    void everyPayloadIsRegisteredOnTheEnvelopeUnderAUniqueWireName() throws Exception {
        var subtypes = java.util.Arrays.stream(EventEnvelope.class.getDeclaredField("payload")
                .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
                .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::value)
                .toList();
        var permitted = EventPayload.class.getPermittedSubclasses();

        assertThat(subtypes).containsExactlyInAnyOrder(permitted);
        assertThat(java.util.Arrays.stream(permitted)
                .map(type -> type.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class).value()))
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z-]+\\.[a-z-]+"));
    }
}
