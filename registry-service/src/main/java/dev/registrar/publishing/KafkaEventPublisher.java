package dev.registrar.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.access.AccessKeyEvent;
import dev.registrar.access.AccessKeyUsed;
import dev.registrar.client.ClientEvent;
import dev.registrar.events.EventEnvelope;
import dev.registrar.lifecycle.ClientAuthenticationFailed;
import dev.registrar.policy.InitialAccessTokenEvent;
import dev.registrar.policy.PolicyEvent;
import dev.registrar.registration.RegistrationRejected;
import dev.registrar.tenancy.TenantEvent;
import dev.registrar.tokens.TokenEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs in a tracking processor over the event store, a batch of events per unit of work. Each event
 * is sent as the handler sees it; before the unit of work commits — and with it the processor's
 * token — every send of the batch must be acknowledged by Kafka. A failed or late acknowledgement
 * rolls the batch back, and the processor retries it from its last token (at least once).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String PENDING_ACKS = KafkaEventPublisher.class.getName() + ".pendingAcks";

    private final KafkaTemplate<String, String> kafka;
    private final PublishingProperties properties;
    private final ObjectMapper json;

    KafkaEventPublisher(KafkaTemplate<String, String> kafka, PublishingProperties properties, ObjectMapper json) {
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
    }

    @EventHandler
    void publish(ClientEvent event, DomainEventMessage<ClientEvent> message) throws JsonProcessingException {
        send(EnvelopeMapper.client(message));
    }

    @EventHandler
    void publish(PolicyEvent event, DomainEventMessage<PolicyEvent> message) throws JsonProcessingException {
        send(EnvelopeMapper.policy(message));
    }

    @EventHandler
    void publish(InitialAccessTokenEvent event, DomainEventMessage<InitialAccessTokenEvent> message) throws JsonProcessingException {
        send(EnvelopeMapper.initialAccessToken(message));
    }

    @EventHandler
    void publish(TenantEvent event, DomainEventMessage<TenantEvent> message) throws JsonProcessingException {
        send(EnvelopeMapper.tenant(message));
    }

    @EventHandler
    void publish(TokenEvent event, EventMessage<TokenEvent> message) throws JsonProcessingException {
        send(event.clientId(), EnvelopeMapper.token(message));
    }

    @EventHandler
    void publish(ClientAuthenticationFailed event, EventMessage<ClientAuthenticationFailed> message) throws JsonProcessingException {
        send(event.clientId(), EnvelopeMapper.authenticationFailure(message));
    }

    @EventHandler
    void publish(AccessKeyEvent event, DomainEventMessage<AccessKeyEvent> message) throws JsonProcessingException {
        send(EnvelopeMapper.accessKey(message));
    }

    @EventHandler
    void publish(AccessKeyUsed event, EventMessage<AccessKeyUsed> message) throws JsonProcessingException {
        send(EnvelopeMapper.accessKeyUse(message));
    }

    /** Keyed by tenant: a refused registration has no client. */
    @EventHandler
    void publish(RegistrationRejected event, EventMessage<RegistrationRejected> message) throws JsonProcessingException {
        EventEnvelope envelope = EnvelopeMapper.rejection(message);
        send(envelope.tenant(), envelope);
    }

    private void send(EventEnvelope envelope) throws JsonProcessingException {
        send(envelope.aggregateId(), envelope);
    }

    private void send(String key, EventEnvelope envelope) throws JsonProcessingException {
        // The record's timestamp is the event's time, so windows downstream (the anomaly detector) follow when things happened.
        ProducerRecord<String, String> record = new ProducerRecord<>(properties.topic(), null, envelope.occurredAt().toEpochMilli(), key,
                json.writeValueAsString(envelope));
        record.headers().add(EventEnvelope.TYPE_HEADER, envelope.type().getBytes(StandardCharsets.UTF_8));
        CompletableFuture<?> acknowledged = kafka.send(record);
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING_ACKS, name -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
            return pending;
        }).add(acknowledged);
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        // The producer holds records up to its linger time to fill a request; the batch is complete,
        // so it goes out now, in one request per partition.
        kafka.flush();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgements", interrupted);
        } catch (ExecutionException | TimeoutException notAcknowledged) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be published again", notAcknowledged);
        }
    }
}
