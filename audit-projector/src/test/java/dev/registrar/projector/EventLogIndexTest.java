package dev.registrar.projector;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import dev.registrar.events.Actor;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogIndexTest {

    @Test
    void eventGoesToTheIndexOfItsUtcMonth() {
        assertThat(EventLogIndex.indexFor(envelopeAt("2026-11-30T23:59:59Z"))).isEqualTo("registrar-events-2026.11");
        assertThat(EventLogIndex.indexFor(envelopeAt("2026-12-01T00:00:00Z"))).isEqualTo("registrar-events-2026.12");
    }

    @Test
    void mappingIsStrictAndKeepsThePayloadOutOfTheIndex() {
        var mapping = EventLogIndex.mapping();

        assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(mapping.properties().get("aggregateId").isKeyword()).isTrue();
        assertThat(mapping.properties().get("occurredAt").isDate()).isTrue();
        assertThat(mapping.properties().get("payload").object().enabled()).isFalse();
    }

    @Test
    void idsAreNotSearchedButTheEventIdIsStillCountableAndTheSequenceSortable() {
        var properties = EventLogIndex.mapping().properties();

        assertThat(properties.get("eventId").keyword().index()).isFalse();
        assertThat(properties.get("eventId").keyword().docValues()).isNotEqualTo(false);
        assertThat(properties.get("aggregateSequence").long_().index()).isFalse();
        assertThat(properties.get("aggregateSequence").long_().docValues()).isNotEqualTo(false);
        assertThat(properties.get("aggregateId").keyword().index()).isNotEqualTo(false);
    }

    @Test
    void tokenIdIsKeptInTheTokenSourceOnly() {
        var properties = TokenIndex.mapping().properties();

        assertThat(properties.get("tokenId").keyword().index()).isFalse();
        assertThat(properties.get("tokenId").keyword().docValues()).isFalse();
        assertThat(properties.get("subject").keyword().index()).isNotEqualTo(false);
    }

    static EventEnvelope envelopeAt(String instant) {
        Instant at = Instant.parse(instant);
        return new EventEnvelope("e-" + instant, "client.registered", 1, "dev", "client", "c-1", 0, at,
                new Actor("anonymous", "", "127.0.0.1"),
                new ClientRegisteredPayload("c-1", "dev", new ClientMetadataPayload("Claude", List.of("http://127.0.0.1/cb"),
                        List.of("authorization_code"), List.of("code"), "none", "native", List.of("mcp:tools"), "claude", "1.0.0",
                        null, null, null, null, List.of(), null), "dcr", 0, null, null, at, null, null));
    }
}
