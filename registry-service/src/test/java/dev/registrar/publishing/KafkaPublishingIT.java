package dev.registrar.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.RegistryServiceIT;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.RegistrationRejectedPayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every event reaches the topic as a versioned envelope keyed by its client, and no credential travels with it. */
class KafkaPublishingIT extends RegistryServiceIT {

    @Test
    void registeredClientIsPublishedAsAVersionedEnvelopeKeyedByClientId() throws Exception {
        String clientId = registered("dev", MCP_CLIENT).get("client_id").asText();

        ConsumerRecord<String, String> published = awaitRecord(record -> clientId.equals(record.key()));

        EventEnvelope envelope = json.readValue(published.value(), EventEnvelope.class);
        assertThat(envelope.type()).isEqualTo("client.registered");
        assertThat(new String(published.headers().lastHeader(EventEnvelope.TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .as("the type, repeated in a header for consumers that skip what they do not follow").isEqualTo("client.registered");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.tenant()).isEqualTo("dev");
        assertThat(envelope.aggregateType()).isEqualTo("client");
        assertThat(envelope.aggregateSequence()).isZero();
        assertThat(envelope.actor().kind()).isEqualTo("anonymous");
        assertThat(envelope.eventId()).isEqualTo(jdbc.queryForObject(
                "select eventidentifier from domainevententry where aggregateidentifier = ?", String.class, clientId));
        ClientRegisteredPayload payload = (ClientRegisteredPayload) envelope.payload();
        assertThat(payload.metadata().softwareId()).isEqualTo("claude-desktop");
        assertThat(payload.registrationMethod()).isEqualTo("dcr");
        assertThat(payload.policyVersion()).isPositive();
    }

    @Test
    void lifeCycleEventsArePublishedInOrderKeyedByTheClientAndCarryNoCredential() throws Exception {
        JsonNode client = registered("dev", """
                {"redirect_uris":["https://app.example.com/cb"],"token_endpoint_auth_method":"client_secret_basic"}""");
        String clientId = client.get("client_id").asText();
        String path = "/t/dev/register/" + clientId;
        String rat = client.get("registration_access_token").asText();
        JsonNode updated = read(send("PUT", path, "application/json",
                "{\"client_id\":\"" + clientId + "\",\"redirect_uris\":[\"https://app.example.com/cb2\"],"
                        + "\"token_endpoint_auth_method\":\"client_secret_basic\"}", rat).body());
        send("DELETE", path, null, null, updated.get("registration_access_token").asText());

        List<ConsumerRecord<String, String>> records = awaitRecords(record -> clientId.equals(record.key()), 5);

        assertThat(records).extracting(record -> read(record.value()).get("type").asText()).containsExactly(
                "client.registered", "client.metadata-updated", "client.registration-access-token-rotated", "client.deleted",
                "token.revoked-for-client");
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).doesNotContain(client.get("client_secret").asText(), rat,
                    updated.get("registration_access_token").asText());
        }
    }

    @Test
    void refusedRegistrationIsPublishedAsASecurityEventKeyedByTenant() throws Exception {
        String marker = "rejected-" + UUID.randomUUID();
        register("other", "{\"redirect_uris\":[\"http://evil.example.com/cb\"],\"token_endpoint_auth_method\":\"none\",\"software_id\":\""
                + marker + "\"}");

        ConsumerRecord<String, String> published = awaitRecord(record -> record.value().contains(marker));

        assertThat(published.key()).isEqualTo("other");
        EventEnvelope envelope = json.readValue(published.value(), EventEnvelope.class);
        RegistrationRejectedPayload rejected = (RegistrationRejectedPayload) envelope.payload();
        assertThat(rejected.errorCode()).isEqualTo("invalid_redirect_uri");
        assertThat(rejected.redirectUris()).containsExactly("http://evil.example.com/cb");
        assertThat(rejected.remoteAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void auditorsCountTheEventStoreByWireTypeAndOnlyTheAuditorKeyMay() {
        registered("dev", MCP_CLIENT);

        HttpResponse<String> counts = send("GET", "/audit/v1/event-counts", null, null, "auditor-key");

        assertThat(counts.statusCode()).isEqualTo(200);
        JsonNode byType = read(counts.body());
        assertThat(byType.get("client.registered").asLong()).isPositive();
        assertThat(byType.fieldNames()).toIterable().noneMatch(type -> type.startsWith("unknown:"));
        assertThat(send("GET", "/audit/v1/event-counts", null, null, "admin-key").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/clients/x", null, null, "auditor-key").statusCode()).isEqualTo(403);
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
        return awaitRecords(wanted, 1).get(0);
    }

    private List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        List<ConsumerRecord<String, String>> found = published(wanted, count);
        assertThat(found).as("records published within 30 s").hasSize(count);
        return found;
    }
}
