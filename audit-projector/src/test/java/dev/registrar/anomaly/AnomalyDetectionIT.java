package dev.registrar.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.events.Actor;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.EventEnvelope;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The detector against the real Kafka and Elasticsearch. Past traffic is replayed quickly with its
 * original timestamps (the detector follows event time), then bursts are sent in real time.
 * Each test uses a tenant of its own, so they do not see each other's alerts.
 */
@WithLocalServers({Server.KAFKA, Server.ELASTICSEARCH})
@SpringBootTest(properties = {
        // Past traffic replayed by these tests is up to an hour old: accept it into its windows.
        "registrar.anomaly.grace=2h",
        "registrar.anomaly.cooldown=5m",
        "registrar.anomaly.delivery.initial-backoff=100ms"})
@DirtiesContext
class AnomalyDetectionIT {

    private static final WebhookReceiver webhooks = startReceiver();
    private static final AtomicInteger addresses = new AtomicInteger();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ObjectMapper json;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    Environment environment;
    @Autowired
    StreamsBuilderFactoryBean streams;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("registrar.anomaly.webhooks[0].name", () -> "security-team");
        registry.add("registrar.anomaly.webhooks[0].url", () -> webhooks.url("/flaky"));
        registry.add("registrar.anomaly.webhooks[1].name", () -> "slack");
        registry.add("registrar.anomaly.webhooks[1].url", () -> webhooks.url("/slack"));
        registry.add("registrar.anomaly.webhooks[1].format", () -> "slack");
    }

    @AfterAll
    static void stopReceiver() {
        webhooks.close();
    }

    @Test
    void aBurstFromOneSoftwareRaisesExactlyOneSpikeAlertNamingItWithinAMinuteWhileSteadyTrafficRaisesNone() throws Exception {
        String tenant = "burst-" + UUID.randomUUID();
        List<String> steady = List.of("cursor", "claude-code", "zed", "goose", "cline", "windsurf", "continue", "aider", "codex", "junie");
        Instant now = Instant.now();
        // Half an hour of steady traffic: ten software at 4 registrations a minute, and burst-agent at 4 too.
        for (int minute = 30; minute >= 1; minute--) {
            for (int i = 0; i < 4; i++) {
                Instant at = now.minus(Duration.ofMinutes(minute)).plusSeconds(i * 15L);
                for (String software : steady) {
                    register(tenant, software, List.of("mcp:tools"), at);
                }
                register(tenant, "burst-agent", List.of("mcp:tools"), at);
            }
        }

        // Then, in real time, burst-agent registers at 20 times its rate (80 a minute) while the rest go on as before.
        Instant burstStart = Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            register(tenant, "burst-agent", List.of("mcp:tools"), Instant.now());
            if (sent++ % 2 == 0) {
                register(tenant, steady.get(sent % steady.size()), List.of("mcp:tools"), Instant.now());
            }
            Thread.sleep(750);
        }

        WebhookReceiver.Received delivered = await(Duration.ofSeconds(60), () -> alertsDelivered("/flaky", tenant).stream().findFirst().orElse(null));
        Instant deliveredAt = Instant.now();
        awaitDetectorCaughtUp();

        JsonNode alert = json.readTree(delivered.body());
        assertThat(alert.get("kind").asText()).isEqualTo("registration-spike");
        assertThat(alert.get("subject").asText()).isEqualTo("software_id=burst-agent");
        assertThat(alert.get("summary").asText()).contains("burst-agent").contains(tenant);
        assertThat(Duration.between(burstStart, Instant.parse(alert.get("openedAt").asText()))).isLessThan(Duration.ofSeconds(60));
        assertThat(Duration.between(burstStart, deliveredAt)).isLessThan(Duration.ofSeconds(60));
        assertThat(alertsDelivered("/flaky", tenant)).hasSize(1);
        assertThat(webhooks.refused()).extracting(WebhookReceiver.Received::alertId).contains(alert.get("alertId").asText());
        assertThat(alertsDelivered("/slack", tenant)).singleElement()
                .satisfies(slack -> assertThat(json.readTree(slack.body()).get("text").asText()).contains("software_id=burst-agent"));

        List<ObjectNode> indexed = indexedAlerts(tenant);
        assertThat(indexed).singleElement().satisfies(document -> {
            assertThat(document.get("alertId").asText()).isEqualTo(alert.get("alertId").asText());
            assertThat(document.get("notifiedAt").isTextual()).isTrue();
            assertThat(document.get("deliveries").findValuesAsText("outcome")).containsOnly("delivered");
            assertThat(document.get("deliveries").findValuesAsText("attempts")).contains("2", "1");
        });
    }

    @Test
    void aSustainedSpikeIsOneAlertThatIsUpdatedAndASpikeAfterTheCooldownIsANewOne() throws Exception {
        String tenant = "cooldown-" + UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofMinutes(60));
        sendAtRate(tenant, "sustained-agent", start, Duration.ofMinutes(20), 2);
        sendAtRate(tenant, "sustained-agent", start.plus(Duration.ofMinutes(20)), Duration.ofMinutes(3), 60);
        // Twelve quiet minutes: longer than the five-minute cooldown.
        sendAtRate(tenant, "sustained-agent", start.plus(Duration.ofMinutes(35)), Duration.ofMinutes(2), 60);
        register(tenant, "sustained-agent", List.of("mcp:tools"), Instant.now());

        awaitDetectorCaughtUp();
        List<ObjectNode> indexed = await(Duration.ofSeconds(30), () -> {
            List<ObjectNode> alerts = indexedAlerts(tenant);
            return alerts.size() == 2 && alerts.stream().allMatch(alert -> alert.has("notifiedAt")) ? alerts : null;
        });

        ObjectNode first = indexed.stream().min((a, b) -> a.get("openedAt").asText().compareTo(b.get("openedAt").asText())).orElseThrow();
        assertThat(first.get("revision").asLong()).as("a sustained spike updates its alert").isGreaterThan(1);
        assertThat(first.get("count").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(indexed).extracting(alert -> alert.get("subject").asText()).containsOnly("software_id=sustained-agent");
        assertThat(alertsDelivered("/slack", tenant)).as("each alert is delivered once, not at each update")
                .extracting(WebhookReceiver.Received::alertId)
                .containsExactlyInAnyOrderElementsOf(indexed.stream().map(alert -> alert.get("alertId").asText()).toList());
    }

    @Test
    void aScopeItsSoftwareNeverAskedForRaisesOneUnusualScopeAlert() throws Exception {
        String tenant = "scopes-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            register(tenant, "scope-agent", List.of("mcp:tools", "read:files"), at.plusSeconds(i));
        }
        // Registrations of different clients travel on different partitions: let the history be learned first.
        awaitDetectorCaughtUp();
        register(tenant, "brand-new-agent", List.of("admin:write"), at.plusSeconds(4));
        register(tenant, "scope-agent", List.of("mcp:tools", "admin:write"), at.plusSeconds(5));
        register(tenant, "scope-agent", List.of("admin:write"), at.plusSeconds(6));

        WebhookReceiver.Received delivered = await(Duration.ofSeconds(60),
                () -> alertsDelivered("/slack", tenant).stream().findFirst().orElse(null));
        awaitDetectorCaughtUp();

        assertThat(json.readTree(delivered.body()).get("text").asText()).contains("unusual-scope").contains("software_id=scope-agent");
        assertThat(alertsDelivered("/flaky", tenant)).singleElement().satisfies(alert -> {
            JsonNode body = json.readTree(alert.body());
            assertThat(body.get("kind").asText()).isEqualTo("unusual-scope");
            assertThat(body.get("scopes")).extracting(JsonNode::asText).containsExactly("admin:write");
            assertThat(body.get("summary").asText()).contains("admin:write").contains("3 earlier registrations");
        });
        assertThat(indexedAlerts(tenant)).singleElement();
    }

    @Test
    void aRestartedDetectorKeepsItsBaselinesAndOpenAlertsAndSendsNothingTwice() throws Exception {
        String tenant = "restart-" + UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofMinutes(40));
        sendAtRate(tenant, "restart-agent", start, Duration.ofMinutes(20), 3);
        sendAtRate(tenant, "restart-agent", start.plus(Duration.ofMinutes(20)), Duration.ofMinutes(1), 60);
        awaitDetectorCaughtUp();
        ObjectNode opened = await(Duration.ofSeconds(30), () -> indexedAlerts(tenant).stream()
                .filter(alert -> alert.has("notifiedAt")).findFirst().orElse(null));
        String key = new Observation(Signal.REGISTRATIONS_PER_SOFTWARE, tenant, "restart-agent").key();
        SpikeState before = spikeStates().get(key);

        // Stop the detector and the alert listener, lose the local state as a new host would, and start again.
        listeners.getListenerContainer("alerts").stop();
        streams.stop();
        FileSystemUtils.deleteRecursively(Path.of(environment.getRequiredProperty("spring.kafka.streams.state-dir"), "registrar-anomaly"));
        streams.start();
        listeners.getListenerContainer("alerts").start();

        SpikeState after = await(Duration.ofSeconds(60), () -> {
            try {
                return spikeStates().get(key);
            } catch (RuntimeException stillRestoring) {
                return null;
            }
        });
        assertThat(after).as("baselines and the open alert, restored from the changelog").isEqualTo(before);
        assertThat(after.alertId()).isEqualTo(opened.get("alertId").asText());

        // The spike goes on: the open alert is updated, and nothing is delivered again.
        sendAtRate(tenant, "restart-agent", start.plus(Duration.ofMinutes(21)), Duration.ofMinutes(1), 90);
        awaitDetectorCaughtUp();
        ObjectNode updated = await(Duration.ofSeconds(30), () -> indexedAlerts(tenant).stream()
                .filter(alert -> alert.get("revision").asLong() > opened.get("revision").asLong()).findFirst().orElse(null));
        assertThat(updated.get("alertId").asText()).isEqualTo(opened.get("alertId").asText());
        assertThat(indexedAlerts(tenant)).hasSize(1);
        assertThat(alertsDelivered("/slack", tenant)).hasSize(1);
    }

    private ReadOnlyKeyValueStore<String, SpikeState> spikeStates() {
        return streams.getKafkaStreams().store(StoreQueryParameters.fromNameAndType(SpikeDetector.STATES,
                QueryableStoreTypes.<String, SpikeState>keyValueStore()));
    }

    /** Registrations of one software at a steady rate per minute over a period, from one address each. */
    private void sendAtRate(String tenant, String software, Instant from, Duration period, int perMinute) throws Exception {
        long gapMillis = 60_000L / perMinute;
        for (Instant at = from; at.isBefore(from.plus(period)); at = at.plusMillis(gapMillis)) {
            register(tenant, software, List.of("mcp:tools"), at);
        }
    }

    private void register(String tenant, String software, List<String> scopes, Instant at) throws Exception {
        String clientId = "client-" + UUID.randomUUID();
        int address = addresses.incrementAndGet();
        Actor anonymous = new Actor("anonymous", "", "10.%d.%d.%d".formatted(address >> 16 & 255, address >> 8 & 255, address & 255));
        ClientMetadataPayload metadata = new ClientMetadataPayload(software, List.of("http://127.0.0.1/cb"), List.of("authorization_code"),
                List.of("code"), "none", "native", scopes, software, "1.0.0", null, null, null, null, List.of(), null);
        EventEnvelope event = new EventEnvelope("e-" + UUID.randomUUID(), "client.registered", 1, tenant, "client", clientId, 0, at,
                anonymous, new ClientRegisteredPayload(clientId, tenant, metadata, "dcr", 0, null, null, at, null, null));
        kafka.send(new ProducerRecord<>("registrar.events", null, at.toEpochMilli(), clientId, json.writeValueAsString(event)))
                .get(10, TimeUnit.SECONDS);
    }

    private List<WebhookReceiver.Received> alertsDelivered(String path, String tenant) {
        return webhooks.received(path).stream().filter(request -> request.body().contains(tenant)).toList();
    }

    private List<ObjectNode> indexedAlerts(String tenant) {
        try {
            elasticsearch.indices().refresh(r -> r.index("registrar-alerts-*").allowNoIndices(true));
            return elasticsearch.search(s -> s.index("registrar-alerts-*").allowNoIndices(true).size(100)
                            .query(q -> q.term(t -> t.field("tenant").value(FieldValue.of(tenant)))), ObjectNode.class)
                    .hits().hits().stream().map(Hit::source).toList();
        } catch (Exception notYetSearchable) {
            return List.of();
        }
    }

    /**
     * Waits until the detector has committed past every record of its input and repartition topics,
     * and the alert listener past every alert: only then does "no alert" mean none was raised. The
     * repartition and alert topics are written in transactions, whose last offset is the commit
     * marker a consumer never commits past; there the committed offset is one short of the end.
     */
    private void awaitDetectorCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.kafka.bootstrap-servers")))) {
            await(Duration.ofSeconds(60), () -> {
                try {
                    return caughtUp(admin, "registrar-anomaly", topic -> topic.equals("registrar.events"), 0)
                            && caughtUp(admin, "registrar-anomaly", topic -> topic.startsWith("registrar-anomaly-") && topic.endsWith("-repartition"), 1)
                            && caughtUp(admin, "alerts", topic -> topic.equals("registrar.alerts"), 1) ? Boolean.TRUE : null;
                } catch (Exception notYet) {
                    return null;
                }
            });
        }
    }

    private static boolean caughtUp(Admin admin, String group, Predicate<String> topics, long commitMarker) throws Exception {
        List<String> names = admin.listTopics().names().get().stream().filter(topics).toList();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(partition -> partitions.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue() - commitMarker);
    }

    private static <T> T await(Duration timeout, Supplier<T> found) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s");
    }

    private static WebhookReceiver startReceiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException failure) {
            throw new IllegalStateException("the test webhook receiver did not start", failure);
        }
    }
}
