package dev.registrar.anomaly;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises an unusual-scope alert when a software with a history (at least {@code scopeHistory}
 * registrations or updates) asks for a scope it has never asked for. A brand-new software only
 * teaches the detector its scopes. Further new scopes within the cooldown update the open alert.
 */
final class ScopeNoveltyDetector implements Processor<String, ScopeRequest, String, Alert> {

    static final String KNOWN_SCOPES = "known-scopes";

    private final AnomalyProperties properties;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, KnownScopes> known;

    ScopeNoveltyDetector(AnomalyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.known = context.getStateStore(KNOWN_SCOPES);
    }

    @Override
    public void process(Record<String, ScopeRequest> record) {
        ScopeRequest request = record.value();
        KnownScopes stored = known.get(request.key());
        KnownScopes scopes = stored == null ? KnownScopes.NONE : stored;
        List<String> unseen = scopes.unseen(request.scopes());
        if (scopes.requests() >= properties.scopeHistory() && !unseen.isEmpty()) {
            Instant at = Instant.ofEpochMilli(record.timestamp());
            scopes = scopes.hasOpenAlertAt(at, properties.cooldown())
                    ? scopes.updated(at, unseen)
                    : scopes.opened(alertId(request, unseen, at), at, unseen);
            context.forward(new Record<>(scopes.alertId(), alertOf(request, scopes, at), record.timestamp()));
        }
        known.put(request.key(), scopes.learned(request.scopes()));
    }

    private static Alert alertOf(ScopeRequest request, KnownScopes scopes, Instant at) {
        String subject = Signal.UNUSUAL_SCOPE.subjectName() + "=" + request.softwareId();
        String summary = "%s of tenant %s asked for %s, never asked for in its %d earlier registrations (latest: version %s, client %s)"
                .formatted(subject, request.tenant(), String.join(" ", scopes.alertScopes()), scopes.requests(),
                        request.softwareVersion(), request.clientId());
        return new Alert(scopes.alertId(), Signal.UNUSUAL_SCOPE.alertKind(), Signal.UNUSUAL_SCOPE.id(), request.tenant(), subject, summary,
                scopes.alertRequests(), 0, 0, scopes.openedAt(), at, scopes.alertScopes(), scopes.openedAt(), at, scopes.revision());
    }

    private static String alertId(ScopeRequest request, List<String> unseen, Instant at) {
        String name = request.key() + "@" + at.toEpochMilli() + ":" + String.join(" ", unseen);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
