package dev.registrar.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.registrar.events.ClientAuthenticationFailedPayload;
import dev.registrar.events.ClientMetadataPayload;
import dev.registrar.events.ClientMetadataUpdatedPayload;
import dev.registrar.events.ClientRegisteredPayload;
import dev.registrar.events.EventEnvelope;
import dev.registrar.events.EventPayload;
import dev.registrar.events.RegistrationRejectedPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the detector takes from one record of the event topic. A record it cannot read yields
 * nothing here: the projector already sends it to the dead-letter topic with the reason.
 */
final class DetectedFacts {

    /** The payloads {@link #observationsOf} and {@link #scopeRequestOf} read, by wire type. */
    private static final Set<String> WATCHED_TYPES = Stream.of(ClientRegisteredPayload.class, ClientMetadataUpdatedPayload.class,
                    RegistrationRejectedPayload.class, ClientAuthenticationFailedPayload.class)
            .map(EventPayload::wireTypeOf)
            .collect(Collectors.toUnmodifiableSet());

    private final ObjectReader envelopes;

    DetectedFacts(ObjectMapper json) {
        this.envelopes = json.readerFor(EventEnvelope.class);
    }

    Optional<EventEnvelope> read(byte[] record) {
        try {
            return Optional.of(envelopes.readValue(record));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Whether a signal may watch the event this record carries, judged by its type header alone: most
     * of the topic is token facts, not worth reading as JSON only to be dropped. A record without the
     * header (published before it existed) may be anything.
     */
    static boolean mayBeWatched(Headers headers) {
        Header type = headers.lastHeader(EventEnvelope.TYPE_HEADER);
        return type == null || WATCHED_TYPES.contains(new String(type.value(), StandardCharsets.UTF_8));
    }

    /**
     * Whether any signal watches this event. Most of the topic is token facts, which none does:
     * they are dropped before the deduplication store, which would otherwise write each to its changelog.
     */
    static boolean watched(EventEnvelope event) {
        return !observationsOf(event).isEmpty() || scopeRequestOf(event).isPresent();
    }

    static List<Observation> observationsOf(EventEnvelope event) {
        List<Observation> observations = new ArrayList<>();
        String tenant = event.tenant();
        switch (event.payload()) {
            case ClientRegisteredPayload registered -> {
                observations.add(new Observation(Signal.REGISTRATIONS_PER_TENANT, tenant, tenant));
                addIfPresent(observations, Signal.REGISTRATIONS_PER_SOFTWARE, tenant, registered.metadata().softwareId());
                addIfPresent(observations, Signal.REGISTRATIONS_PER_SOURCE, tenant, event.actor().remoteAddress());
            }
            case RegistrationRejectedPayload rejected ->
                    addIfPresent(observations, Signal.REJECTED_REGISTRATIONS_PER_SOURCE, tenant, rejected.remoteAddress());
            case ClientAuthenticationFailedPayload failed ->
                    addIfPresent(observations, Signal.FAILED_AUTHENTICATIONS_PER_CLIENT, tenant, failed.clientId());
            default -> {
            }
        }
        return observations;
    }

    static Optional<ScopeRequest> scopeRequestOf(EventEnvelope event) {
        return switch (event.payload()) {
            case ClientRegisteredPayload registered -> scopeRequest(event.tenant(), registered.clientId(), registered.metadata());
            case ClientMetadataUpdatedPayload updated -> scopeRequest(event.tenant(), updated.clientId(), updated.metadata());
            default -> Optional.empty();
        };
    }

    private static Optional<ScopeRequest> scopeRequest(String tenant, String clientId, ClientMetadataPayload metadata) {
        if (isBlank(metadata.softwareId()) || metadata.scopes() == null || metadata.scopes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScopeRequest(tenant, metadata.softwareId(), metadata.softwareVersion(), clientId, metadata.scopes()));
    }

    private static void addIfPresent(List<Observation> observations, Signal signal, String tenant, String subject) {
        if (!isBlank(subject)) {
            observations.add(new Observation(signal, tenant, subject));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
