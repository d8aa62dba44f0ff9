package dev.registrar.projector;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.events.AccessKeyUsedPayload;
import dev.registrar.events.Actor;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientMetadataUpdatedPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.ClientRevokedPayload;
import dev.registrar.events.RegistrationRejectedPayload;
import dev.registrar.events.TokenIssuedPayload;
import dev.registrar.events.TokenRevokedPayload;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

@WithLocalServers({Server.KAFKA, Server.ELASTICSEARCH})
@SpringBootTest
@DirtiesContext
class EventLogProjectorIT {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    ObjectMapper json;
    @Autowired
    Environment environment;
    @Autowired
    Retention retention;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void redeliveredEventIsIndexedOnceUnderItsEventId() throws Exception {
        EventEnvelope event = EventLogIndexTest.envelopeAt("2026-11-22T10:00:00Z");
        String id = "redelivered-" + UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id, event.type(), event.schemaVersion(), event.tenant(), event.aggregateType(),
                event.aggregateId(), event.aggregateSequence(), event.occurredAt(), event.actor(), event.payload());

        send(envelope);
        send(envelope);
        String marker = sendMarker();

        awaitIndexed(marker);
        assertThat(countWithId(id)).isEqualTo(1);
        var stored = elasticsearch.get(g -> g.index("registrar-events-2026.11").id(id), EventEnvelope.class);
        assertThat(stored.source()).isEqualTo(envelope);
    }

    @Test
    void payloadFieldsThisProjectorDoesNotKnowAreKept() throws Exception {
        String id = "newer-" + UUID.randomUUID();
        ObjectNode published = (ObjectNode) json.valueToTree(EventLogIndexTest.envelopeAt("2026-11-22T12:00:00Z"));
        published.put("eventId", id);
        ((ObjectNode) published.get("payload")).put("addedByANewerPublisher", "kept");
        kafka.send("registrar.events", "c-1", published.toString()).get(10, TimeUnit.SECONDS);

        awaitIndexed(id);
        var stored = elasticsearch.get(g -> g.index("registrar-events-2026.11").id(id), ObjectNode.class);
        assertThat(stored.source().at("/payload/addedByANewerPublisher").asText()).isEqualTo("kept");
    }

    @Test
    void tokenIssuanceIsIndexedOnceUnderItsTokenIdAndItsRevocationMarksIt() throws Exception {
        String tokenId = "jti-" + UUID.randomUUID();
        Instant issuedAt = Instant.parse("2026-11-22T09:00:00Z");
        EventEnvelope issued = new EventEnvelope("e-" + UUID.randomUUID(), "token.issued", 1, "dev", "token", tokenId, 0, issuedAt,
                new Actor("tenant", "dev", "127.0.0.1"), new TokenIssuedPayload(tokenId, "c-1", "claude", "1.4.0",
                List.of("mcp:tools"), List.of("https://mcp.example.com"), "authorization_code", "user-42", issuedAt,
                issuedAt.plusSeconds(3600)));
        EventEnvelope revoked = new EventEnvelope("e-" + UUID.randomUUID(), "token.revoked", 1, "dev", "token", tokenId, 0,
                issuedAt.plusSeconds(60), new Actor("tenant", "dev", "127.0.0.1"), new TokenRevokedPayload(tokenId, "c-1", issuedAt));

        // Keyed by the client, as the publisher does: the marker after them shares their partition.
        sendKeyed("c-1", issued);
        sendKeyed("c-1", issued);
        sendKeyed("c-1", revoked);
        awaitIndexed(sendMarker());

        elasticsearch.indices().refresh(r -> r.index("registrar-tokens-*"));
        assertThat(elasticsearch.count(c -> c.index("registrar-tokens-*").query(q -> q.ids(i -> i.values(tokenId)))).count()).isEqualTo(1);
        var stored = elasticsearch.get(g -> g.index("registrar-tokens-2026.11").id(tokenId), ObjectNode.class).source();
        assertThat(stored.get("tokenId").asText()).isEqualTo(tokenId);
        assertThat(stored.get("softwareVersion").asText()).isEqualTo("1.4.0");
        assertThat(stored.get("scopes").get(0).asText()).isEqualTo("mcp:tools");
        assertThat(stored.get("revokedAt").asText()).isEqualTo("2026-11-22T09:01:00Z");
    }

    @Test
    void fieldsThatAreNotSearchedStillSortCountAndComeBack() throws Exception {
        String clientId = "sorted-" + UUID.randomUUID();
        EventEnvelope template = EventLogIndexTest.envelopeAt("2026-11-22T11:00:00Z");
        List<EventEnvelope> events = List.of(2, 0, 1).stream()
                .map(sequence -> new EventEnvelope("e-" + UUID.randomUUID(), "client.metadata-updated", 1, "dev", "client", clientId,
                        sequence, template.occurredAt().plusSeconds(sequence), template.actor(), template.payload()))
                .toList();
        for (EventEnvelope event : events) {
            sendKeyed(clientId, event);
        }
        awaitIndexed(sendMarker(clientId));
        elasticsearch.indices().refresh(r -> r.index("registrar-events-*"));

        var ordered = elasticsearch.search(s -> s.index("registrar-events-*")
                        .query(q -> q.term(t -> t.field("aggregateId").value(clientId)))
                        .sort(o -> o.field(f -> f.field("aggregateSequence").order(SortOrder.Asc)))
                        .aggregations("ids", a -> a.terms(t -> t.field("eventId").size(10))),
                ObjectNode.class);
        assertThat(ordered.hits().hits()).extracting(hit -> hit.source().get("aggregateSequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(ordered.aggregations().get("ids").sterms().buckets().array())
                .extracting(bucket -> bucket.key().stringValue())
                .containsExactlyInAnyOrderElementsOf(events.stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void clientStateFollowsItsNewestEventEvenWhenAnOlderOneIsRedelivered() throws Exception {
        String clientId = "client-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T09:00:00Z");
        Actor anonymous = new Actor("anonymous", "", "127.0.0.1");
        ClientMetadataPayload original = new ClientMetadataPayload("Agent", List.of("https://agent.example/cb"), List.of("authorization_code"),
                List.of("code"), "client_secret_basic", "web", List.of("mcp:tools"), "agent", "1.0.0", null, null, null, null, List.of(), null);
        ClientMetadataPayload renamed = new ClientMetadataPayload("Agent v2", original.redirectUris(), original.grantTypes(),
                original.responseTypes(), "client_secret_basic", "web", List.of("mcp:tools"), "agent", "2.0.0", null, null, null, null,
                List.of(), null);
        EventEnvelope registered = new EventEnvelope("e-" + UUID.randomUUID(), "client.registered", 1, "dev", "client", clientId, 0, at,
                anonymous, new ClientRegisteredPayload(clientId, "dev", original, "dcr", 1, null, null, at, null, null));
        EventEnvelope updated = new EventEnvelope("e-" + UUID.randomUUID(), "client.metadata-updated", 1, "dev", "client", clientId, 1,
                at.plusSeconds(60), anonymous, new ClientMetadataUpdatedPayload(clientId, "dev", renamed, 1, null, at.plusSeconds(60)));
        EventEnvelope revoked = new EventEnvelope("e-" + UUID.randomUUID(), "client.revoked", 1, "dev", "client", clientId, 3,
                at.plusSeconds(120), anonymous, new ClientRevokedPayload(clientId, "compromised release"));

        sendKeyed("c-1", registered);
        sendKeyed("c-1", updated);
        awaitIndexed(sendMarker());
        sendKeyed("c-1", revoked);
        sendKeyed("c-1", registered);
        awaitIndexed(sendMarker());
        // Alone in its batch, the redelivery rewrites the stored state under the version it has: refused, and passed over.
        sendKeyed("c-1", registered);
        awaitIndexed(sendMarker());

        var stored = elasticsearch.get(g -> g.index("registrar-clients").id(clientId), ObjectNode.class);
        assertThat(stored.source().get("status").asText()).isEqualTo("revoked");
        assertThat(stored.source().get("statusReason").asText()).isEqualTo("compromised release");
        assertThat(stored.source().get("clientName").asText()).isEqualTo("Agent v2");
        assertThat(stored.source().get("softwareVersion").asText()).isEqualTo("2.0.0");
        assertThat(stored.version()).isEqualTo(4);
    }

    @Test
    void refusedRegistrationIsIndexedAsASecurityEvent() throws Exception {
        String id = "rejected-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T09:30:00Z");
        EventEnvelope rejected = new EventEnvelope(id, "registration.rejected", 1, "dev", "registration-rejection", id, 0, at,
                new Actor("anonymous", "", "203.0.113.9"), new RegistrationRejectedPayload("invalid_redirect_uri",
                "plain http is allowed only on loopback", "evil-tool", "0.1", "Evil", List.of("http://evil.example/cb"), "203.0.113.9"));

        sendKeyed("c-1", rejected);
        awaitIndexed(sendMarker());

        elasticsearch.indices().refresh(r -> r.index("registrar-security-*"));
        var stored = elasticsearch.get(g -> g.index("registrar-security-2026.11").id(id), ObjectNode.class).source();
        assertThat(stored.get("kind").asText()).isEqualTo("registration-rejected");
        assertThat(stored.get("reason").asText()).isEqualTo("invalid_redirect_uri");
        assertThat(stored.get("softwareId").asText()).isEqualTo("evil-tool");
        assertThat(stored.get("remoteAddress").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void keyUseIsIndexedOncePerOperationAndARedeliveryChangesNothing() throws Exception {
        String id = "used-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T09:31:00Z");
        EventEnvelope used = new EventEnvelope(id, "access-key.used", 1, "acme", "access-key", "k-7", 0, at,
                new Actor("auditor", "k-7", null), new AccessKeyUsedPayload("k-7", "auditor", at.minusSeconds(60), at, 5, List.of(
                new AccessKeyUsedPayload.Operation("reporting-api GET /api/v1/reports/access", 200, 4),
                new AccessKeyUsedPayload.Operation("reporting-api GET /api/v1/reports/access", 403, 1))));

        sendKeyed("k-7", used);
        sendKeyed("k-7", used);
        awaitIndexed(sendMarker("k-7"));

        elasticsearch.indices().refresh(r -> r.index("registrar-key-usage-*"));
        var stored = elasticsearch.search(s -> s.index("registrar-key-usage-*").query(q -> q.term(t -> t.field("eventId").value(id))),
                ObjectNode.class).hits().hits();
        assertThat(stored).hasSize(2);
        assertThat(stored).extracting(hit -> hit.source().get("calls").asLong()).containsExactlyInAnyOrder(4L, 1L);
        assertThat(stored.get(0).source().get("tenant").asText()).isEqualTo("acme");
        assertThat(stored.get(0).index()).isEqualTo("registrar-key-usage-2026.11");
    }

    @Test
    void retentionDropsMonthlyIndicesPastTheirFamilysRetentionAndKeepsTheRest() throws Exception {
        String current = Mappings.monthly(EventLogIndex.PREFIX, Instant.now());
        for (String index : List.of("registrar-events-2001.01", "registrar-tokens-2001.02", current)) {
            if (!elasticsearch.indices().exists(e -> e.index(index)).value()) {
                elasticsearch.indices().create(c -> c.index(index));
            }
        }

        List<String> dropped = retention.run();

        assertThat(dropped).contains("registrar-events-2001.01", "registrar-tokens-2001.02").doesNotContain(current);
        assertThat(elasticsearch.indices().exists(e -> e.index("registrar-events-2001.01")).value()).isFalse();
        assertThat(elasticsearch.indices().exists(e -> e.index(current)).value()).isTrue();
    }

    @Test
    void indexedAndDeadLetteredEventsAreCounted() throws Exception {
        double before = meters.get("registrar.projector.events").tag("outcome", "indexed").counter().count();

        awaitIndexed(sendMarker());

        assertThat(meters.get("registrar.projector.events").tag("outcome", "indexed").counter().count()).isGreaterThan(before);
    }

    @Test
    void everyIndexFamilyHasItsStrictTemplateAtStart() throws Exception {
        var templates = elasticsearch.indices().getIndexTemplate(t -> t.name("registrar-*")).indexTemplates();

        assertThat(templates).extracting(template -> template.name())
                .contains("registrar-events", "registrar-tokens", "registrar-security", "registrar-clients", "registrar-alerts",
                        "registrar-key-usage");
        assertThat(templates).allSatisfy(template ->
                assertThat(template.indexTemplate().template().mappings().dynamic()).isEqualTo(DynamicMapping.Strict));
    }

    @Test
    void indicesFollowTheStrictTemplate() throws Exception {
        String marker = sendMarker();
        awaitIndexed(marker);

        var mapping = elasticsearch.indices().getMapping(m -> m.index("registrar-events-2026.11"))
                .get("registrar-events-2026.11").mappings();
        assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(mapping.properties().get("tenant").isKeyword()).isTrue();
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillIndexed() throws Exception {
        String poison = "{not an envelope " + UUID.randomUUID();
        kafka.send("registrar.events", "poison", poison).get(10, TimeUnit.SECONDS);
        String marker = sendMarker();

        awaitIndexed(marker);
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(poison);
        assertThat(new String(deadLetter.headers().lastHeader("registrar.dlt.reason").value(), StandardCharsets.UTF_8))
                .startsWith("not a readable event envelope");
        assertThat(meters.get("registrar.projector.events").tag("outcome", "dead-lettered").counter().count()).isPositive();
    }

    private void send(EventEnvelope envelope) throws Exception {
        sendKeyed(envelope.aggregateId(), envelope);
    }

    private void sendKeyed(String key, EventEnvelope envelope) throws Exception {
        kafka.send("registrar.events", key, json.writeValueAsString(envelope)).get(10, TimeUnit.SECONDS);
    }

    /** A marker keyed like the events of most tests here (client c-1). */
    private String sendMarker() throws Exception {
        return sendMarker(EventLogIndexTest.envelopeAt("2026-11-22T11:00:00Z").aggregateId());
    }

    /**
     * An event sent after the ones under test, under their key: once it is searchable, those before it
     * on its partition were processed. (Under another key it may land on another partition, which
     * another consumer may index first.)
     */
    private String sendMarker(String key) throws Exception {
        EventEnvelope event = EventLogIndexTest.envelopeAt("2026-11-22T11:00:00Z");
        String id = "marker-" + UUID.randomUUID();
        sendKeyed(key, new EventEnvelope(id, event.type(), 1, "dev", "client", event.aggregateId(), 1, event.occurredAt(), event.actor(),
                event.payload()));
        return id;
    }

    private void awaitIndexed(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                if (countWithId(id) == 1) {
                    return;
                }
            } catch (IOException | ElasticsearchException notYetSearchable) {
                // The projector may be creating this month's index right now; its shard answers 503 until it has started.
                lastFailure = notYetSearchable;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("event " + id + " was not indexed within 60 s", lastFailure);
    }

    private long countWithId(String id) throws Exception {
        elasticsearch.indices().refresh(r -> r.index("registrar-events-*").allowNoIndices(true));
        return elasticsearch.count(c -> c.index("registrar-events-*").allowNoIndices(true)
                .query(q -> q.ids(i -> i.values(id)))).count();
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String value) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("registrar.events.dlt"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(record.value())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("the poison record did not reach the dead-letter topic within 30 s");
    }
}
