package dev.registrar.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.registrar.events.Actor;
import dev.registrar.events.ClientAuthenticationFailedPayload;
import dev.registrar.events.TokenIssuedPayload;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientMetadataUpdatedPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detector's rules, on Kafka Streams' test driver: event time is whatever the events say. */
class AnomalyTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final AnomalyProperties properties = new AnomalyProperties("registrar.alerts", Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 30, 0.3, Duration.ofMinutes(5), Duration.ofSeconds(10),
            new AnomalyProperties.Thresholds(5, 5, 20, 1000),
            Map.of("registrations-per-tenant", new AnomalyProperties.Thresholds(5, 20, 100, 1000)),
            3, List.of(), new AnomalyProperties.Delivery(5, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> events;
    private TestOutputTopic<String, String> alerts;
    private int addresses;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        AnomalyTopology.build(builder, properties, json, "registrar.events");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "anomaly-test");
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(builder.build(), config);
        events = driver.createInputTopic("registrar.events", Serdes.String().serializer(), Serdes.String().serializer());
        alerts = driver.createOutputTopic("registrar.alerts", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void steadyTrafficRaisesNothing() throws Exception {
        send(merged(steady("dev", "claude-code", T0, Duration.ofMinutes(40), 4), steady("dev", "cursor", T0, Duration.ofMinutes(40), 12)));

        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    void aBurstOfOneSoftwareRaisesOneAlertNamingIt() throws Exception {
        send(merged(steady("dev", "claude-code", T0, Duration.ofMinutes(31), 4), steady("dev", "burst-agent", T0, Duration.ofMinutes(30), 4),
                steady("dev", "burst-agent", T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(1), 80)));

        List<Alert> raised = raised();
        assertThat(raised).extracting(Alert::alertId).containsOnly(raised.getFirst().alertId());
        assertThat(raised.getFirst().subject()).isEqualTo("software_id=burst-agent");
        assertThat(raised.getFirst().kind()).isEqualTo("registration-spike");
        assertThat(raised.getFirst().baseline()).isBetween(3.0, 6.0);
        assertThat(Duration.between(T0.plus(Duration.ofMinutes(30)), raised.getFirst().openedAt())).isLessThan(Duration.ofSeconds(60));
        assertThat(raised.getLast().count()).isGreaterThanOrEqualTo(70);
    }

    @Test
    void aSustainedSpikeIsOneAlertUpdatedWithItsPeakAndOneAfterTheCooldownIsNew() throws Exception {
        Instant firstSpike = T0.plus(Duration.ofMinutes(20));
        Instant secondSpike = T0.plus(Duration.ofMinutes(35));
        send(merged(steady("dev", "sustained-agent", T0, Duration.ofMinutes(20), 2),
                steady("dev", "sustained-agent", firstSpike, Duration.ofMinutes(3), 60),
                steady("dev", "sustained-agent", secondSpike, Duration.ofMinutes(2), 60)));

        Map<String, List<Alert>> byId = raised().stream().collect(Collectors.groupingBy(Alert::alertId, LinkedHashMap::new, Collectors.toList()));
        assertThat(byId).hasSize(2);
        List<Alert> first = byId.values().iterator().next();
        assertThat(first).extracting(Alert::revision).as("one alert, republished as its peak rises").startsWith(1L, 2L).isSorted();
        assertThat(first.getLast().count()).isGreaterThanOrEqualTo(55);
        assertThat(first.getLast().openedAt()).isBefore(firstSpike.plusSeconds(60));
        assertThat(byId.values().stream().skip(1).findFirst().orElseThrow().getFirst().openedAt()).isAfter(secondSpike);
    }

    @Test
    void aScopeNewToASoftwareWithAHistoryRaisesOneUnusualScopeAlert() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(registration("dev", "scope-agent", List.of("mcp:tools"), T0.plusSeconds(i)));
        }
        send(registration("dev", "brand-new-agent", List.of("admin:write"), T0.plusSeconds(4)));
        send(registration("dev", "scope-agent", List.of("mcp:tools", "admin:write"), T0.plusSeconds(5)));
        send(registration("dev", "scope-agent", List.of("admin:write"), T0.plusSeconds(6)));

        assertThat(raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("unusual-scope");
            assertThat(alert.subject()).isEqualTo("software_id=scope-agent");
            assertThat(alert.scopes()).containsExactly("admin:write");
        });
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        for (int i = 0; i < 15; i++) {
            EventEnvelope registration = registration("dev", "replayed-agent", List.of("mcp:tools"), T0.plusSeconds(i));
            send(registration);
            send(registration);
        }

        assertThat(alerts.readValuesToList()).as("15 registrations, below the minimum of 20, even when each came twice").isEmpty();
    }

    @Test
    void eventsNoSignalWatchesAreNotRemembered() throws Exception {
        for (int i = 0; i < 50; i++) {
            Instant at = T0.plusSeconds(i);
            send(new EventEnvelope("t-" + i, "token.issued", 1, "dev", "token", "token-" + i, 0, at, new Actor("tenant", "dev", null),
                    new TokenIssuedPayload("token-" + i, "client-1", "agent", "1.0.0", List.of("mcp:tools"), List.of(), "authorization_code",
                            "user-1", at, at.plusSeconds(3600))));
        }
        send(registration("dev", "agent", List.of("mcp:tools"), T0.plusSeconds(60)));

        WindowStore<String, Long> seen = driver.getWindowStore(EventDeduplicator.SEEN);
        try (var remembered = seen.all()) {
            assertThat(remembered).toIterable().as("only the registration, which a signal watches").hasSize(1);
        }
    }

    @Test
    void eventsPublishedWithoutTheTypeHeaderAreStillRead() throws Exception {
        for (int i = 0; i < 3; i++) {
            sendWithoutTypeHeader(registration("dev", "scope-agent", List.of("mcp:tools"), T0.plusSeconds(i)));
        }
        sendWithoutTypeHeader(registration("dev", "scope-agent", List.of("admin:write"), T0.plusSeconds(5)));

        assertThat(raised()).extracting(Alert::kind).containsExactly("unusual-scope");
    }

    @Test
    void aScopeNewToASoftwareThroughAMetadataUpdateRaisesAnAlert() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(registration("dev", "update-agent", List.of("mcp:tools"), T0.plusSeconds(i)));
        }
        EventEnvelope registered = registration("dev", "update-agent", List.of("mcp:tools"), T0.plusSeconds(4));
        send(registered);
        ClientMetadataPayload widened = new ClientMetadataPayload("update-agent", List.of("http://127.0.0.1/cb"), List.of("authorization_code"),
                List.of("code"), "none", "native", List.of("mcp:tools", "admin:write"), "update-agent", "1.0.0", null, null, null, null,
                List.of(), null);
        Instant at = T0.plusSeconds(5);
        send(new EventEnvelope("e-" + UUID.randomUUID(), "client.metadata-updated", 1, "dev", "client", registered.aggregateId(), 1, at,
                registered.actor(), new ClientMetadataUpdatedPayload(registered.aggregateId(), "dev", widened, 0, null, at)));

        assertThat(raised()).extracting(Alert::kind, Alert::scopes).containsExactly(tuple("unusual-scope", List.of("admin:write")));
    }

    @Test
    void repeatedFailedAuthenticationsOfOneClientRaiseAnAlert() throws Exception {
        for (int i = 0; i < 30; i++) {
            Instant at = T0.plusSeconds(i);
            send(new EventEnvelope("e-" + UUID.randomUUID(), "client.authentication-failed", 1, "dev", "authentication-failure", "f-" + i,
                    0, at, new Actor("tenant", "dev", "203.0.113.7"), new ClientAuthenticationFailedPayload("client-7", "wrong-or-expired-secret",
                    "203.0.113.7")));
        }

        assertThat(raised()).extracting(Alert::kind, Alert::subject).contains(tuple(
                "failed-authentication-spike", "client_id=client-7"));
    }

    private List<Alert> raised() {
        return alerts.readValuesToList().stream().map(value -> {
            try {
                return json.readValue(value, Alert.class);
            } catch (Exception unreadable) {
                throw new AssertionError(unreadable);
            }
        }).toList();
    }

    /** Registrations of one software at a steady rate per minute over a period. */
    private List<EventEnvelope> steady(String tenant, String software, Instant from, Duration period, int perMinute) {
        long gap = 60_000L / perMinute;
        List<EventEnvelope> registrations = new ArrayList<>();
        for (Instant at = from; at.isBefore(from.plus(period)); at = at.plusMillis(gap)) {
            registrations.add(registration(tenant, software, List.of("mcp:tools"), at));
        }
        return registrations;
    }

    /** Several streams of events as they would arrive together: in time order. */
    @SafeVarargs
    private static List<EventEnvelope> merged(List<EventEnvelope>... streams) {
        return Stream.of(streams).flatMap(List::stream).sorted(Comparator.comparing(EventEnvelope::occurredAt)).toList();
    }

    private void send(List<EventEnvelope> events) throws Exception {
        for (EventEnvelope event : events) {
            send(event);
        }
    }

    private EventEnvelope registration(String tenant, String software, List<String> scopes, Instant at) {
        String clientId = "client-" + UUID.randomUUID();
        addresses++;
        ClientMetadataPayload metadata = new ClientMetadataPayload(software, List.of("http://127.0.0.1/cb"), List.of("authorization_code"),
                List.of("code"), "none", "native", scopes, software, "1.0.0", null, null, null, null, List.of(), null);
        return new EventEnvelope("e-" + UUID.randomUUID(), "client.registered", 1, tenant, "client", clientId, 0, at,
                new Actor("anonymous", "", "10.0.%d.%d".formatted(addresses / 250, addresses % 250)),
                new ClientRegisteredPayload(clientId, tenant, metadata, "dcr", 0, null, null, at, null, null));
    }

    /** As the publisher sends it: the type repeated in a header. */
    private void send(EventEnvelope event) throws Exception {
        Headers headers = new RecordHeaders().add(EventEnvelope.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new TestRecord<>(event.aggregateId(), json.writeValueAsString(event), headers, event.occurredAt()));
    }

    /** As publishers before the type header sent it. */
    private void sendWithoutTypeHeader(EventEnvelope event) throws Exception {
        events.pipeInput(event.aggregateId(), json.writeValueAsString(event), event.occurredAt());
    }
}
